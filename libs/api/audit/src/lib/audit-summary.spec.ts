import { auditSummary, SUMMARISED_ACTIONS, type AuditNames } from './audit-summary';

const JAN = { teamId: 't1', startDate: '2027-01-04', endDate: '2027-01-15', status: 'pending_host' };
const JAN_DATES = 'Mon, 4 Jan 2027 – Fri, 15 Jan 2027';
const FEB = { teamId: 't1', startDate: '2027-02-01', endDate: '2027-02-12' };
const OF_ANA: AuditNames = { actor: 'Maria Lopez', person: 'Ana Silva', team: 'NA Enterprise' };

function say(action: string, entityType: string, after: unknown, names: AuditNames, before: unknown = null): string {
  return auditSummary({ action, entityType, before, after }, names);
}

/** Every action key the API writes, with the sentence an admin reads for it. */
const CASES: [string, string, unknown, AuditNames, unknown, string][] = [
  [
    'request.submitted',
    'rotation_request',
    JAN,
    { ...OF_ANA, actor: 'Ana Silva' },
    null,
    `Ana Silva asked for a place: their request for NA Enterprise, ${JAN_DATES}.`,
  ],
  [
    'request.edited',
    'rotation_request',
    FEB,
    { ...OF_ANA, actor: 'Ana Silva' },
    JAN,
    'Ana Silva changed their request for NA Enterprise, Mon, 1 Feb 2027 – Fri, 12 Feb 2027.',
  ],
  [
    'request.replanned',
    'rotation_request',
    FEB,
    OF_ANA,
    JAN,
    "Maria Lopez replanned Ana Silva's request for NA Enterprise, Mon, 1 Feb 2027 – Fri, 12 Feb 2027.",
  ],
  [
    'request.released',
    'rotation_request',
    JAN,
    OF_ANA,
    null,
    `Maria Lopez released Ana Silva's request for NA Enterprise, ${JAN_DATES}.`,
  ],
  [
    'request.rejected',
    'rotation_request',
    JAN,
    OF_ANA,
    null,
    `Maria Lopez turned down Ana Silva's request for NA Enterprise, ${JAN_DATES}.`,
  ],
  [
    'request.withdrawn',
    'rotation_request',
    JAN,
    { ...OF_ANA, actor: 'Ana Silva' },
    null,
    `Ana Silva withdrew their request for NA Enterprise, ${JAN_DATES}.`,
  ],
  [
    'request.booked',
    'rotation_request',
    JAN,
    OF_ANA,
    null,
    `Maria Lopez approved Ana Silva's request for NA Enterprise, ${JAN_DATES}.`,
  ],
  [
    'request.waitlisted',
    'rotation_request',
    JAN,
    OF_ANA,
    null,
    `Maria Lopez put Ana Silva's request for NA Enterprise, ${JAN_DATES} on the waitlist.`,
  ],
  [
    'request.offered',
    'rotation_request',
    JAN,
    { ...OF_ANA, actor: null },
    null,
    `Stint offered a freed place to Ana Silva's request for NA Enterprise, ${JAN_DATES}.`,
  ],
  [
    'request.offer_declined',
    'rotation_request',
    JAN,
    { ...OF_ANA, actor: 'Ana Silva' },
    null,
    `Ana Silva declined the place offered for their request for NA Enterprise, ${JAN_DATES}.`,
  ],
  [
    'request.offer_lapsed',
    'rotation_request',
    JAN,
    { ...OF_ANA, actor: null },
    null,
    `The offer for Ana Silva's request for NA Enterprise, ${JAN_DATES} lapsed unanswered.`,
  ],
  [
    'request.waitlist_lapsed',
    'rotation_request',
    JAN,
    { ...OF_ANA, actor: null },
    null,
    `Ana Silva's request for NA Enterprise, ${JAN_DATES} left the waitlist: its dates came too close.`,
  ],
  [
    'placement.booked',
    'placement',
    JAN,
    OF_ANA,
    null,
    `Maria Lopez booked Ana Silva's placement with NA Enterprise, ${JAN_DATES}.`,
  ],
  [
    'placement.rescheduled',
    'placement',
    FEB,
    OF_ANA,
    JAN,
    `Maria Lopez moved Ana Silva's placement with NA Enterprise, Mon, 1 Feb 2027 – Fri, 12 Feb 2027 (was ${JAN_DATES}).`,
  ],
  [
    'placement.cancelled',
    'placement',
    { ...JAN, cancelledAt: '2026-12-01T10:00:00.000Z', cancelledReason: 'Team reorganised' },
    OF_ANA,
    JAN,
    `Maria Lopez cancelled Ana Silva's placement with NA Enterprise, ${JAN_DATES} (Team reorganised).`,
  ],
  [
    'check_in.completed',
    'check_in',
    { ratings: {} },
    { ...OF_ANA, actor: 'Ana Silva', checkInKind: 'midpoint' },
    null,
    'Ana Silva completed the midpoint check-in of their placement with NA Enterprise.',
  ],
  [
    'check_in.pulse',
    'check_in',
    { wouldSendAgain: true },
    { ...OF_ANA, checkInKind: 'pulse' },
    null,
    "Maria Lopez answered the pulse on Ana Silva's placement with NA Enterprise.",
  ],
  [
    'check_in.assessed',
    'check_in',
    { ratings: {} },
    { ...OF_ANA, checkInKind: 'final' },
    null,
    "Maria Lopez assessed the final check-in of Ana Silva's placement with NA Enterprise.",
  ],
  [
    'check_in.feedback',
    'check_in',
    { text: 'Good' },
    { ...OF_ANA, checkInKind: 'follow_up' },
    null,
    "Maria Lopez gave feedback at the follow-up check-in of Ana Silva's placement with NA Enterprise.",
  ],
  [
    'team.created',
    'team',
    { name: 'NA Enterprise' },
    { actor: 'Maria Lopez', team: 'NA Enterprise' },
    null,
    'Maria Lopez created the team NA Enterprise.',
  ],
  [
    'team.updated',
    'team',
    { name: 'NA Enterprise', capacity: 3, managerId: 'u2' },
    { actor: 'Maria Lopez', team: 'NA Enterprise' },
    { name: 'NA Enterprise', capacity: 2, managerId: 'u1' },
    'Maria Lopez updated the team NA Enterprise (capacity and manager).',
  ],
  [
    'team.waitlist_reordered',
    'team',
    { order: ['r2', 'r1'] },
    { actor: 'Maria Lopez', team: 'NA Enterprise' },
    { order: ['r1', 'r2'] },
    'Maria Lopez reordered the waitlist of NA Enterprise.',
  ],
  [
    'user.created',
    'user',
    { name: 'Ana Silva', role: 'pm' },
    { actor: 'Maria Lopez', user: 'Ana Silva' },
    null,
    'Maria Lopez added Ana Silva as pm.',
  ],
  [
    'user.created_by_sign_in',
    'user',
    { name: 'Ana Silva', role: 'pm' },
    { actor: null, user: 'Ana Silva' },
    null,
    'Ana Silva signed in for the first time and joined as pm.',
  ],
  [
    'user.updated',
    'user',
    { name: 'Ana Silva', role: 'manager' },
    { actor: 'Maria Lopez', user: 'Ana Silva' },
    { name: 'Ana Silva', role: 'pm' },
    'Maria Lopez updated Ana Silva (role).',
  ],
  [
    'user.sessions_ended',
    'user',
    null,
    { actor: 'Maria Lopez', user: 'Ana Silva' },
    null,
    'Maria Lopez signed Ana Silva out everywhere.',
  ],
  [
    'user.calendar_feed_rotated',
    'user',
    null,
    { actor: 'Ana Silva', user: 'Ana Silva' },
    null,
    'Ana Silva made a new calendar link for Ana Silva.',
  ],
  [
    'blackout.created',
    'blackout',
    { teamId: 't1', startsOn: '2026-12-21', endsOn: '2027-01-01', reason: 'Year end' },
    { actor: 'Maria Lopez', team: 'NA Enterprise' },
    null,
    'Maria Lopez blocked NA Enterprise, Mon, 21 Dec 2026 – Fri, 1 Jan 2027 (Year end).',
  ],
  [
    'blackout.deleted',
    'blackout',
    null,
    { actor: 'Maria Lopez' },
    { teamId: null, startsOn: '2027-04-02', endsOn: '2027-04-02', reason: 'Offsite' },
    'Maria Lopez lifted the blackout on every team, Fri, 2 Apr 2027 (Offsite).',
  ],
  [
    'policy.updated',
    'policy',
    { minLeadDays: 10, maxWeeks: 4 },
    { actor: 'Maria Lopez' },
    { minLeadDays: 5, maxWeeks: 4 },
    'Maria Lopez changed the policy (min lead days).',
  ],
  [
    'notification.retried',
    'notification',
    null,
    { actor: 'Maria Lopez' },
    { status: 'failed' },
    'Maria Lopez retried a failed email.',
  ],
  [
    'notification.retried_all',
    'notification',
    { retried: 3 },
    { actor: 'Maria Lopez' },
    null,
    'Maria Lopez retried 3 failed emails.',
  ],
  [
    'import.users',
    'import',
    { rows: 5, created: 3, updated: 1, unchanged: 1 },
    { actor: 'Maria Lopez' },
    null,
    'Maria Lopez imported users: 3 added, 1 updated, 1 unchanged.',
  ],
  [
    'import.teams',
    'import',
    { rows: 2, created: 2, updated: 0, unchanged: 0 },
    { actor: 'Maria Lopez' },
    null,
    'Maria Lopez imported teams: 2 added, 0 updated, 0 unchanged.',
  ],
];

describe('auditSummary', () => {
  it.each(CASES)('writes %s in words', (action, entityType, after, names, before, expected) => {
    const sentence = say(action, entityType, after, names, before);
    expect(sentence).toBe(expected);
    expect(sentence).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(sentence).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('has a case for every action key it knows', () => {
    expect(CASES.map((c) => c[0]).sort()).toEqual([...SUMMARISED_ACTIONS].sort());
  });

  it('falls back to a readable sentence for an unknown action', () => {
    expect(say('policy.tuned', 'policy', { x: 1 }, { actor: 'Maria Lopez' })).toBe('Maria Lopez changed the policy.');
    expect(say('widget.spun', 'widget', null, { actor: null })).toBe('Stint changed something.');
  });

  it('names the actor Stint when no one acted, and stays readable without the names', () => {
    expect(say('request.released', 'rotation_request', {}, { actor: null })).toBe(
      "Stint released a PM's request for a team.",
    );
  });
});
