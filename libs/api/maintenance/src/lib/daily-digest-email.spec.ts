import { localTime } from '@stint/api-notifications';
import { digestEmail } from './daily-digest-email';

describe('digestEmail', () => {
  const manager = { id: 'm1', name: 'Maria', email: 'maria@example.test', timezone: 'Europe/Berlin' };
  const at = new Date('2027-01-11T09:00:00.000Z');
  const local = localTime(at, 'Europe/Berlin');

  it('lists what waits for the manager, today’s check-ins and overdue ones, each section only when it has lines', () => {
    const email = digestEmail(
      manager,
      {
        pending: [{ id: 'r1', pm: 'Pat', team: 'Sales North', status: 'pending_manager' }],
        today: [{ id: 'c1', pm: 'Pat', kind: 'kickoff', scheduled_at: at }],
        overdue: [],
      },
      'https://stint.example',
    );
    expect(email.subject).toBe('Stint today: 1 to decide, 1 check-in, 0 overdue');
    expect(email.heading).toBe('Good morning, Maria');
    expect(email.sections).toEqual([
      { title: 'Waiting for your decision (1)', lines: ['Pat → Sales North (release)'] },
      { title: 'Check-ins today (1)', lines: [`Pat — Kickoff at ${local}`] },
    ]);
    expect(email.action).toEqual({ label: 'Open the dashboard', url: 'https://stint.example/' });
  });

  it('counts check-ins in the plural and names the host step', () => {
    const email = digestEmail(
      manager,
      {
        pending: [{ id: 'r2', pm: 'Sam', team: 'Sales South', status: 'pending_host' }],
        today: [],
        overdue: [
          { id: 'c2', pm: 'Sam', kind: 'weekly', scheduled_at: at },
          { id: 'c3', pm: 'Sam', kind: 'final', scheduled_at: at },
        ],
      },
      'https://stint.example',
    );
    expect(email.subject).toBe('Stint today: 1 to decide, 0 check-ins, 2 overdue');
    expect(email.sections?.map((s) => s.title)).toEqual(['Waiting for your decision (1)', 'Overdue check-ins (2)']);
    expect(email.sections?.[0]?.lines).toEqual(['Sam → Sales South (host)']);
    expect(email.sections?.[1]?.lines[0]).toBe(`Sam — Weekly check-in, due ${local}`);
  });

  it('writes times in the manager’s own zone and locale, never as ISO', () => {
    const american = { ...manager, timezone: 'America/New_York', locale: 'en-US' };
    const email = digestEmail(
      american,
      { pending: [], today: [{ id: 'c1', pm: 'Pat', kind: 'kickoff', scheduled_at: at }], overdue: [] },
      'https://stint.example',
    );
    expect(email.sections?.[0]?.lines).toEqual(['Pat — Kickoff at Mon, Jan 11, 2027, 4:00 AM EST']);
    const words = [
      email.subject,
      email.heading,
      ...(email.paragraphs ?? []),
      ...(email.sections ?? []).flatMap((x) => x.lines),
    ];
    for (const text of words) expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
