import { ApprovalNudgeJob } from '@stint/api-request-notices';
import type { ParsedMail } from 'mailparser';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import type { SmtpSink } from './support/smtp-sink';
import { sql } from './support/sql';
import { TestWorker, useMailStack } from './support/mail-stack';
import { call, TestApp } from './support/test-app';
import { controlClock } from './support/worker';

const HOUR = 3_600_000;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
/** "Mon, Jan 11, 2027": weekday, month, day, year, the American way. */
const US_DATE = /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}\b/;
/** "Mon, 11 Jan 2027": weekday, day, month, year, the British way. */
const GB_DATE = /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/;

/** What a person reads: the subject, the text and the HTML body (calendar attachments are machine-read, left out). */
function readable(mail: ParsedMail): string[] {
  return [mail.subject ?? '', mail.text ?? '', typeof mail.html === 'string' ? mail.html : ''];
}

describe('emails in the reader’s locale and zone (real SMTP and worker)', () => {
  // The API and a worker sending to an SMTP sink, in a database and queue prefix of their own (support/mail-stack.ts).
  const stack = useMailStack({ ownDatabase: 'email_locale' });
  let sink: SmtpSink;
  let t: TestApp;
  let worker: TestWorker;
  let f: Fixtures;
  beforeAll(() => ({ sink, t, worker, f } = stack));

  /** A user who has set their locale and zone in their profile, as PATCH /api/me does. */
  async function prefer(actor: Actor, timezone: string, locale: string | null): Promise<void> {
    const saved = await call(t.url, 'PATCH', '/api/me', { token: actor.token, body: { timezone, locale } });
    expect(saved.status).toBe(200);
  }

  it('writes a booking’s dates and check-in times in each reader’s locale and zone, never in ISO form', async () => {
    const lineManager = await f.manager();
    const host = await f.manager();
    const team = await f.team(host, { capacity: 2, timezone: 'Europe/Berlin', holidayCountry: 'DE' });
    const pm = await f.pm(lineManager, 'UTC');
    await prefer(pm, 'America/New_York', 'en-US');
    await prefer(lineManager, 'Europe/Berlin', null);
    const booked = await f.booked(pm, lineManager, host, team.id, futureMonday(5), 2);

    const bookedMail = (who: Actor) => sink.to(who.user.email).find((m) => m.subject?.startsWith('Booked:'));
    await sink.waitFor(() => !!bookedMail(pm) && !!bookedMail(lineManager));
    const american = bookedMail(pm) as ParsedMail;
    const british = bookedMail(lineManager) as ParsedMail;

    // The PM in New York reads American dates, and check-in times on Eastern time (in January: EST).
    expect(american.subject).toMatch(US_DATE);
    expect(american.text).toMatch(US_DATE);
    expect(american.text).toMatch(/\d{1,2}:\d{2} (AM|PM) EST/);
    expect(american.text).not.toMatch(GB_DATE);
    // Their line manager, with no locale set, reads British dates on Berlin time (CET).
    expect(british.subject).toMatch(GB_DATE);
    expect(british.text).toMatch(/, \d{2}:\d{2} CET/);
    expect(british.text).not.toMatch(US_DATE);
    for (const mail of [american, british]) for (const part of readable(mail)) expect(part).not.toMatch(ISO_DATE);
    // The calendar invites stay machine-readable: ISO-style dates in the attachment.
    const ics = american.attachments.map((a) => a.content.toString('utf8')).join('\n');
    expect(ics).toContain(`DTSTART;VALUE=DATE:${booked.startDate.replace(/-/g, '')}`);
  });

  it('tells an American approver since when a request waits in their time, not as an ISO instant', async () => {
    const lineManager = await f.manager();
    const host = await f.manager();
    const team = await f.team(host, { capacity: 2, timezone: 'Europe/Berlin', holidayCountry: 'DE' });
    const pm = await f.pm(lineManager, 'Europe/Berlin');
    await prefer(lineManager, 'America/New_York', 'en-US');
    const request = await f.request(pm, team.id, futureMonday(6), 2);
    const [row] = await sql<{ pending_since: Date }>('SELECT pending_since FROM rotation_requests WHERE id = $1', [
      request.id,
    ]);
    const since = (row as { pending_since: Date }).pending_since;

    controlClock(worker.context, new Date(since.getTime() + 24 * HOUR + 1000));
    await worker.context
      .get(ApprovalNudgeJob)
      .run({ requestId: request.id, status: 'pending_manager', pendingSince: since.toISOString(), hours: 24 });

    const reminder = () => sink.to(lineManager.user.email).find((m) => m.subject?.startsWith('Reminder:'));
    await sink.waitFor(() => !!reminder());
    const mail = reminder() as ParsedMail;
    const waiting = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
    }).format(since);
    expect(mail.text).toMatch(new RegExp(`Waiting since:\\s+\\w{3}, ${waiting}, \\d{1,2}:\\d{2} (AM|PM) E[SD]T`));
    expect(mail.text).toMatch(US_DATE);
    for (const part of readable(mail)) expect(part).not.toMatch(ISO_DATE);
  });
});
