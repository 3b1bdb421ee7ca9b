import type { CalendarFeedLink, Placement } from '@stint/contracts';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { Actor, futureMonday } from './support/fixtures';
import { useMailStack } from './support/mail-stack';
import { invites } from './support/smtp-sink';
import { sql } from './support/sql';
import { call } from './support/test-app';
import { controlClock } from './support/worker';

/*
 * Personal calendar feeds (issue 16) with the real API, worker, PostgreSQL, Redis and an SMTP sink: the
 * feed's events are the emailed invites' events (same UID, same SEQUENCE), read by a strict parser.
 */

interface FeedEvent {
  sequence: number;
  start: ICAL.Time;
  status: string | null;
}

/** uid → event, from iCalendar text parsed by ical.js (which throws on anything malformed). */
function eventsOf(texts: string[]): Map<string, FeedEvent> {
  const events = new Map<string, FeedEvent>();
  for (const text of texts) {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.name).toBe('vcalendar');
    for (const vevent of calendar.getAllSubcomponents('vevent')) {
      const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
      events.set(String(vevent.getFirstPropertyValue('uid')), {
        sequence: Number(vevent.getFirstPropertyValue('sequence')),
        start,
        status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      });
    }
  }
  return events;
}

describe('personal calendar feeds', () => {
  const stack = useMailStack();

  async function newFeed(actor: Actor): Promise<string> {
    const result = await call<CalendarFeedLink>(stack.t.url, 'POST', '/api/me/calendar-feed', { token: actor.token });
    expect(result.status).toBe(200);
    expect(result.headers.get('cache-control')).toBe('no-store');
    expect(result.body.url.startsWith(`${stack.t.config.appUrl}/api/calendar/`)).toBe(true);
    const path = new URL(result.body.url).pathname;
    expect(path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    return path;
  }

  /** The feed as a calendar app fetches it: no token, no cookie. */
  async function fetchFeed(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${stack.t.url}${path}`, { headers });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  async function feedEvents(actor: Actor): Promise<Map<string, FeedEvent>> {
    const feed = await fetchFeed(await newFeed(actor));
    expect(feed.status).toBe(200);
    return eventsOf([feed.text]);
  }

  async function mailTo(actor: Actor, subject: string): Promise<ParsedMail> {
    const { sink } = stack;
    await sink.waitFor(() => sink.to(actor.user.email).some((m) => m.subject?.startsWith(subject)));
    return sink.to(actor.user.email).find((m) => m.subject?.startsWith(subject)) as ParsedMail;
  }

  async function placementOf(pm: Actor, lineManager = stack.lineManager, host = stack.host, weeksAhead = 3) {
    const team = await stack.f.team(host, { capacity: 2, timezone: 'Europe/Berlin' });
    const booked = await stack.f.booked(pm, lineManager, host, team.id, futureMonday(weeksAhead), 2);
    const placement = await call<Placement>(stack.t.url, 'GET', `/api/placements/${booked.placementId}`, {
      token: pm.token,
    });
    return placement.body;
  }

  it("a PM's feed holds their placement and check-ins, with the emailed invites' UIDs and SEQUENCEs, no sign-in needed", async () => {
    const pm = await stack.f.pm(stack.lineManager, 'Europe/Berlin');
    const placement = await placementOf(pm);
    const invited = eventsOf(invites(await mailTo(pm, 'Booked:')));
    expect(invited.size).toBe(1 + placement.checkIns.length);

    const path = await newFeed(pm);
    const feed = await fetchFeed(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(feed.headers.get('cache-control')).toBe('private, max-age=300');
    expect(feed.headers.get('content-disposition')).toBe('inline; filename="stint.ics"');
    expect(feed.text).not.toMatch(/METHOD:|ATTENDEE|ORGANIZER/);
    const events = eventsOf([feed.text]);
    expect([...events.keys()].sort()).toEqual([...invited.keys()].sort());
    for (const [uid, event] of events) expect(event.sequence).toBe(invited.get(uid)?.sequence);

    const stay = events.get(`placement-${placement.id}@stint`);
    expect(stay?.start.isDate).toBe(true);
    expect(stay?.start.toString()).toBe(placement.startDate);
    for (const checkIn of placement.checkIns) {
      const event = events.get(`checkin-${checkIn.id}@stint`);
      expect(event?.start.zone?.tzid).toBe('UTC');
      expect(event?.start.toJSDate().toISOString()).toBe(checkIn.scheduledAt);
    }

    // A client that has it already is told so.
    const tag = String(feed.headers.get('etag'));
    expect((await fetchFeed(path, { 'if-none-match': tag })).status).toBe(304);
  });

  it('a host manager sees what their teams host, a line manager their reports’, an admin only their own; nobody sees another PM’s', async () => {
    const pm = await stack.f.pm(stack.lineManager);
    const mine = `placement-${(await placementOf(pm)).id}@stint`;
    const [otherLine, otherHost] = [await stack.f.manager(), await stack.f.manager()];
    const otherPm = await stack.f.pm(otherLine);
    const theirs = `placement-${(await placementOf(otherPm, otherLine, otherHost, 5)).id}@stint`;

    const uids = async (actor: Actor) => [...(await feedEvents(actor)).keys()];
    expect(await uids(pm)).toContain(mine);
    expect(await uids(pm)).not.toContain(theirs);
    expect(await uids(stack.host)).toContain(mine);
    expect(await uids(stack.lineManager)).toContain(mine);
    expect(await uids(otherHost)).toEqual(expect.arrayContaining([theirs]));
    expect(await uids(otherHost)).not.toContain(mine);
    expect(await uids(otherLine)).not.toContain(mine);
    const admin = await uids(stack.f.admin);
    expect(admin).not.toContain(mine);
    expect(admin).not.toContain(theirs);
  });

  it('a moved placement shows the SEQUENCE the "Moved" email carried; a cancelled one leaves the feed', async () => {
    const pm = await stack.f.pm(stack.lineManager);
    const placement = await placementOf(pm);
    const moved = await call(stack.t.url, 'POST', `/api/placements/${placement.id}/reschedule`, {
      token: stack.host.token,
      body: { startDate: futureMonday(9) },
    });
    expect(moved.status).toBe(200);
    const update = eventsOf(invites(await mailTo(pm, 'Moved:')));
    const events = await feedEvents(pm);
    expect(events.get(`placement-${placement.id}@stint`)?.sequence).toBe(1);
    for (const [uid, event] of events)
      expect({ uid, sequence: event.sequence }).toEqual({ uid, sequence: update.get(uid)?.sequence });

    const cancelled = await call(stack.t.url, 'POST', `/api/placements/${placement.id}/cancel`, {
      token: stack.host.token,
      body: { reason: 'Team re-org' },
    });
    expect(cancelled.status).toBe(200);
    expect((await feedEvents(pm)).size).toBe(0);
  });

  it('reaches back 90 days: an old placement drops out, its later follow-up and pulse stay until each is 90 days old too', async () => {
    const pm = await stack.f.pm(stack.lineManager);
    const placement = await placementOf(pm);
    const followUp = placement.checkIns.find((c) => c.kind === 'follow_up');
    const pulse = placement.checkIns.find((c) => c.kind === 'pulse');
    if (!followUp || !pulse) throw new Error('no follow-up or pulse check-in');
    const day = 86_400_000;
    const clock = controlClock(stack.t.app, new Date(Date.parse(`${placement.endDate}T12:00:00Z`) + 91 * day));
    expect([...(await feedEvents(pm)).keys()].sort()).toEqual(
      [`checkin-${followUp.id}@stint`, `checkin-${pulse.id}@stint`].sort(),
    );
    clock.set(new Date(Date.parse(followUp.scheduledAt) + 91 * day));
    expect([...(await feedEvents(pm)).keys()]).toEqual([`checkin-${pulse.id}@stint`]);
    clock.set(new Date(Date.parse(pulse.scheduledAt) + 91 * day));
    expect((await feedEvents(pm)).size).toBe(0);
  });

  it('asking again replaces the URL (the old one is 404); unknown, malformed and deactivated feeds are 404; never audited with the token', async () => {
    const pm = await stack.f.pm(stack.lineManager);
    const first = await newFeed(pm);
    const second = await newFeed(pm);
    expect(second).not.toBe(first);
    expect((await fetchFeed(second)).status).toBe(200);
    for (const path of [
      first,
      `/api/calendar/${'A'.repeat(43)}.ics`,
      '/api/calendar/short.ics',
      '/api/calendar/%00.ics',
    ]) {
      const gone = await call(stack.t.url, 'GET', path);
      expect({ path, status: gone.status }).toEqual({ path, status: 404 });
      expect(gone.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: expect.any(String), details: {} });
    }
    expect((await call(stack.t.url, 'POST', '/api/me/calendar-feed')).status).toBe(401);

    const audit = await sql<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM audit_log WHERE action = 'user.calendar_feed_rotated' AND entity_id = $1`,
      [pm.user.id],
    );
    expect(audit).toEqual([
      { before: null, after: null },
      { before: null, after: null },
    ]);

    const off = await call(stack.t.url, 'PATCH', `/api/users/${pm.user.id}`, {
      token: stack.f.admin.token,
      body: { active: false },
    });
    expect(off.status).toBe(200);
    expect((await fetchFeed(second)).status).toBe(404);
  });
});
