import { readableRange } from '@stint/shared-dates';

/** The names an entry's sentence needs, looked up for a whole page at once. */
export interface AuditNames {
  /** Who did it; null for Stint itself (a job, the seed, a sign-in). */
  actor: string | null;
  /** The PM whose request, placement or check-in it is. */
  person?: string | null;
  /** The team of the request, placement, check-in or blackout; the team or user named by the entry. */
  team?: string | null;
  /** The user an entry about a user names. */
  user?: string | null;
  /** A check-in's kind (kickoff, midpoint, …). */
  checkInKind?: string | null;
}

export interface AuditFacts {
  action: string;
  entityType: string;
  before: unknown;
  after: unknown;
}

type Snapshot = Record<string, unknown>;

const CHECK_IN_KINDS: Record<string, string> = {
  kickoff: 'kickoff',
  weekly: 'weekly',
  midpoint: 'midpoint',
  final: 'final',
  follow_up: 'follow-up',
  pulse: 'pulse',
};

const ENTITY_WORDS: Record<string, string> = {
  user: 'a user',
  team: 'a team',
  blackout: 'a blackout',
  policy: 'the policy',
  rotation_request: 'a request',
  placement: 'a placement',
  check_in: 'a check-in',
  notification: 'an email',
  import: 'an import',
};

function snapshot(value: unknown): Snapshot {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Snapshot) : {};
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** "Mon, 4 Jan 2027 – Fri, 15 Jan 2027" from a snapshot's start and end, or null without them. */
function datesOf(s: Snapshot, start = 'startDate', end = 'endDate'): string | null {
  const from = text(s[start]);
  const to = text(s[end]);
  return from && to ? readableRange(from, to) : null;
}

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

class Sentence {
  readonly actor: string;
  readonly after: Snapshot;
  readonly before: Snapshot;

  constructor(
    private readonly facts: AuditFacts,
    private readonly names: AuditNames,
  ) {
    this.actor = names.actor ?? 'Stint';
    this.after = snapshot(facts.after);
    this.before = snapshot(facts.before);
  }

  private get person(): string {
    return this.names.person ?? 'a PM';
  }

  private get team(): string {
    return this.names.team ?? 'a team';
  }

  /** "Ana's" — or "their" when the actor is the PM. */
  private get whose(): string {
    return this.names.person && this.names.person === this.names.actor ? 'their' : possessive(this.person);
  }

  private withDates(head: string, s: Snapshot = this.after): string {
    const dates = datesOf(s) ?? datesOf(this.before);
    return dates ? `${head}, ${dates}` : head;
  }

  /** "Ana's request for NA Enterprise, Mon, 4 Jan 2027 – Fri, 15 Jan 2027" */
  request(): string {
    return this.withDates(`${this.whose} request for ${this.team}`);
  }

  placement(s: Snapshot = this.after): string {
    return this.withDates(`${this.whose} placement with ${this.team}`, s);
  }

  checkIn(): string {
    const kind = CHECK_IN_KINDS[this.names.checkInKind ?? ''];
    return `the ${kind ? `${kind} ` : ''}check-in of ${this.whose} placement with ${this.team}`;
  }

  get userName(): string {
    return this.names.user ?? text(this.after['name']) ?? text(this.before['name']) ?? 'a user';
  }

  get teamName(): string {
    return this.names.team ?? text(this.after['name']) ?? text(this.before['name']) ?? 'a team';
  }

  /** "role and team": the fields whose values differ between before and after. */
  changedFields(): string | null {
    if (!this.facts.before || !this.facts.after) return null;
    const keys = Object.keys(this.after).filter(
      (k) => JSON.stringify(this.after[k]) !== JSON.stringify(this.before[k]) && !k.endsWith('At'),
    );
    if (keys.length === 0) return null;
    const words = keys.map((k) =>
      k
        .replace(/Id$/, '')
        .replace(/([A-Z])/g, ' $1')
        .toLowerCase(),
    );
    const last = words.pop();
    return words.length === 0 ? (last ?? null) : `${words.join(', ')} and ${last}`;
  }

  importReport(what: string): string {
    const n = (k: string): number => (typeof this.after[k] === 'number' ? (this.after[k] as number) : 0);
    return `${this.actor} imported ${what}: ${n('created')} added, ${n('updated')} updated, ${n('unchanged')} unchanged`;
  }

  blackout(verb: string): string {
    const s = Object.keys(this.after).length ? this.after : this.before;
    const where = this.names.team ?? (s['teamId'] ? 'a team' : 'every team');
    const dates = datesOf(s, 'startsOn', 'endsOn');
    const reason = text(s['reason']);
    return `${this.actor} ${verb} ${where}${dates ? `, ${dates}` : ''}${reason ? ` (${reason})` : ''}`;
  }

  generic(): string {
    return `${this.actor} changed ${ENTITY_WORDS[this.facts.entityType] ?? 'something'}`;
  }
}

type Writer = (s: Sentence) => string;

const WRITERS: Record<string, Writer> = {
  'request.submitted': (s) => `${s.actor} asked for a place: ${s.request()}`,
  'request.edited': (s) => `${s.actor} changed ${s.request()}`,
  'request.replanned': (s) => `${s.actor} replanned ${s.request()}`,
  'request.released': (s) => `${s.actor} released ${s.request()}`,
  'request.rejected': (s) => `${s.actor} turned down ${s.request()}`,
  'request.withdrawn': (s) => `${s.actor} withdrew ${s.request()}`,
  'request.booked': (s) => `${s.actor} approved ${s.request()}`,
  'request.waitlisted': (s) => `${s.actor} put ${s.request()} on the waitlist`,
  'request.offered': (s) => `${s.actor} offered a freed place to ${s.request()}`,
  'request.offer_declined': (s) => `${s.actor} declined the place offered for ${s.request()}`,
  'request.offer_lapsed': (s) => `The offer for ${s.request()} lapsed unanswered`,
  'request.waitlist_lapsed': (s) => `${s.request()} left the waitlist: its dates came too close`,
  'placement.booked': (s) => `${s.actor} booked ${s.placement()}`,
  'placement.rescheduled': (s) => {
    const was = datesOf(s.before);
    return `${s.actor} moved ${s.placement()}${was ? ` (was ${was})` : ''}`;
  },
  'placement.cancelled': (s) => {
    const reason = text(s.after['cancelledReason']);
    return `${s.actor} cancelled ${s.placement()}${reason ? ` (${reason})` : ''}`;
  },
  'check_in.completed': (s) => `${s.actor} completed ${s.checkIn()}`,
  'check_in.pulse': (s) => `${s.actor} answered the pulse on ${s.checkIn().replace(/^the pulse check-in of /, '')}`,
  'check_in.assessed': (s) => `${s.actor} assessed ${s.checkIn()}`,
  'check_in.feedback': (s) => `${s.actor} gave feedback at ${s.checkIn()}`,
  'team.created': (s) => `${s.actor} created the team ${s.teamName}`,
  'team.updated': (s) => {
    const fields = s.changedFields();
    return `${s.actor} updated the team ${s.teamName}${fields ? ` (${fields})` : ''}`;
  },
  'team.waitlist_reordered': (s) => `${s.actor} reordered the waitlist of ${s.teamName}`,
  'user.created': (s) => `${s.actor} added ${s.userName}${text(s.after['role']) ? ` as ${s.after['role']}` : ''}`,
  'user.created_by_sign_in': (s) =>
    `${s.userName} signed in for the first time and joined${text(s.after['role']) ? ` as ${s.after['role']}` : ''}`,
  'user.updated': (s) => {
    const fields = s.changedFields();
    return `${s.actor} updated ${s.userName}${fields ? ` (${fields})` : ''}`;
  },
  'user.sessions_ended': (s) => `${s.actor} signed ${s.userName} out everywhere`,
  'user.calendar_feed_rotated': (s) => `${s.actor} made a new calendar link for ${s.userName}`,
  'blackout.created': (s) => s.blackout('blocked'),
  'blackout.deleted': (s) => s.blackout('lifted the blackout on'),
  'policy.updated': (s) => {
    const fields = s.changedFields();
    return `${s.actor} changed the policy${fields ? ` (${fields})` : ''}`;
  },
  'notification.retried': (s) => `${s.actor} retried a failed email`,
  'notification.retried_all': (s) => {
    const n = s.after['retried'];
    return typeof n === 'number'
      ? `${s.actor} retried ${n} failed email${n === 1 ? '' : 's'}`
      : `${s.actor} retried the failed emails`;
  },
  'import.users': (s) => s.importReport('users'),
  'import.teams': (s) => s.importReport('teams'),
};

/** Every action key the summary writes a sentence for. */
export const SUMMARISED_ACTIONS = Object.keys(WRITERS);

/** One audit entry in words: "Maria released Ana's request for NA Enterprise, Mon, 4 Jan 2027 – Fri, 15 Jan 2027". */
export function auditSummary(facts: AuditFacts, names: AuditNames): string {
  const sentence = new Sentence(facts, names);
  const writer = WRITERS[facts.action];
  return `${writer ? writer(sentence) : sentence.generic()}.`;
}
