import type { CheckInKind, GoalOutcome, GoalResult } from '@stint/contracts';
import { planCheckIns, type Policy } from '@stint/scheduling';
import {
  addDays,
  fromDayNumber,
  toDayNumber,
  weekStart,
  type HolidayCalendar,
  type IsoDate,
} from '@stint/shared-dates';
import type { DemoPlacement, DemoRequest, DemoTeam, DemoUser, SkillRatings } from './demo-plan';
import { instant, TIMES, workweekStart } from './demo-time';

/**
 * Two years of finished rotations before the hand-written demo stories, so
 * the outcomes report has evidence to weigh: about 150 rotations of 1 to 8
 * weeks, each with every check-in filed, the host's assessment and the line
 * manager's pulse. Their gains over the kickoff self-rating grow with the
 * length up to 4 weeks and level off after it, with noise, so the report
 * recommends 4 weeks.
 *
 * Pure and deterministic: the rotations, their ratings and their words come
 * from a seeded generator and do not depend on the day; only their dates
 * (whole weeks before this week), PMs and teams are fitted around `today`
 * and the hand-written stories, keeping every booking rule.
 */

export const SKILLS = ['negotiation', 'closing', 'persistence'] as const;

/** How many finished rotations of each length (weeks) the history holds: 150 in all. */
export const HISTORY_COUNTS: Readonly<Record<number, number>> = Object.freeze({
  1: 12,
  2: 22,
  3: 24,
  4: 32,
  5: 16,
  6: 22,
  7: 6,
  8: 16,
});

/**
 * The true mean gain (rating − kickoff self-rating, 1–5 scale) of a rotation
 * of each length: diminishing returns after 4 weeks.
 */
export const HISTORY_MEAN_GAIN: Readonly<Record<number, number>> = Object.freeze({
  1: 0.3,
  2: 0.6,
  3: 0.9,
  4: 1.4,
  5: 1.05,
  6: 1.0,
  7: 0.95,
  8: 0.9,
});

/** How much one rotation's gain strays from its length's mean (SD). */
const ROTATION_SD = 0.25;
/** How much one rating strays from the rotation's gain (SD), before rounding to a whole number. */
const RATING_SD = 0.45;
/** Each viewpoint's lean: PMs rate themselves a little higher than their host does, line managers a little lower. */
const LEAN = { self: 0.2, host: 0, pulse: -0.2 } as const;
/** Kickoff self-ratings: mostly 2, some 1 and 3. */
const KICKOFF_WEIGHTS: Array<[number, number]> = [
  [1, 0.2],
  [2, 0.55],
  [3, 0.25],
];
/** How likely the line manager would send another PM, by length (nudged by what they saw). */
const SEND_AGAIN: Readonly<Record<number, number>> = {
  1: 0.7,
  2: 0.78,
  3: 0.84,
  4: 0.94,
  5: 0.86,
  6: 0.84,
  7: 0.82,
  8: 0.8,
};

/** The first week (from this week's Monday) a history rotation may start in: two years back. */
export const HISTORY_FIRST_WEEK = -104;
/**
 * History rotations end by the Sunday before week −10, at least 71 days
 * before today, so their pulse (60 days after the end) is due.
 */
export const HISTORY_END_WEEK = -10;
/** Days a PM is back at their desk between two rotations. */
export const HISTORY_PM_GAP_DAYS = 56;

/**
 * The generator's seed: the history's rotations and ratings follow from it.
 * Chosen (among the first 200) so that not only the whole programme but
 * also each manager's own view (their reports' and their teams' rotations)
 * recommends 4 weeks, and the means sit close to HISTORY_MEAN_GAIN.
 */
export const HISTORY_SEED = 116;

// ----------------------------------------------------------------- words

const MOTIVATIONS = [
  'I write the requirements for a product I have never seen sold.',
  'Our win-loss notes are thin; I want to hear the losses myself.',
  'Pricing changes are coming and I want to know how buyers compare us.',
  'Customers keep asking for integrations I cannot rank without context.',
  'I want to understand why trials stall before procurement.',
  'The roadmap review asked for evidence from the field; this is how I get it.',
  'Renewals are my area next quarter and I have never been on one.',
  'My team builds the admin console; admins are the ones who sign.',
  'I want to learn how our champions sell us internally.',
  'Discovery calls are where requirements really start.',
  'We lose deals on security questionnaires; I want to see why.',
  'New to B2B: I want to see a full deal cycle.',
  'Partners resell a plan I own; I want to hear how they pitch it.',
  'I want to hear the objections before we rewrite onboarding.',
];

const KICKOFF_NOTES = [
  'Kick-off with the team: walked through the pipeline and picked the deals I will follow.',
  'Met the AEs and the sales engineer; I will shadow the renewal calls this week.',
  'First day: joined the pipeline review and agreed which calls I sit in on.',
  'Kick-off: the host walked me through the playbook and the three deals that matter this month.',
];

const MIDPOINT_NOTES = [
  'Midpoint: negotiation is clicking, closing still feels uncomfortable. Agreed to lead one call next week.',
  'Halfway: I can run discovery on my own now; handling price objections is next.',
  'Midpoint: I follow up without being told, but I still talk features too early.',
  'Halfway: learning a lot from the forecast reviews; asked to own one follow-up sequence.',
];

const FINAL_NOTES = [
  'Last day: led a pricing conversation end to end. Taking home a list of product gaps the team meets every week.',
  'Final: ran a close plan with procurement and wrote up the five objections I heard most.',
  'Wrapping up: shadowed my last renewal and shared a summary with my product team.',
  'Final check-in: I now know why deals stall, and two of them are on my roadmap.',
];

const FOLLOW_UP_NOTES = [
  'Thirty days back: reworked two roadmap items around the objections I heard, and I now join one sales call a month.',
  'A month on: I still talk to the AEs every week; the pricing page changes shipped.',
  'Back at my desk: the discovery questions went into our interview guide.',
  'A month later: I run a monthly session with sales on what we are building.',
];

const FEEDBACK = [
  'Good progress: you asked the questions our AEs forget. Next, ask for the next step on every call.',
  'Strong midpoint. Lead the next discovery call yourself; I will be in the room.',
  'You listen well. Now push back once on price before offering anything.',
  'Great notes so far. Follow up on the stalled deal yourself this week.',
];

const HOST_NOTES: Record<'strong' | 'steady' | 'slow', string[]> = {
  strong: [
    'Ran a pricing call on their own by the end and held the line. Welcome back any time.',
    'Picked up our close plan quickly; the team asked if they could stay longer.',
    'Confident on calls by the last week; follows up without being asked.',
  ],
  steady: [
    'Solid progress on discovery; still hesitant to ask for the close.',
    'Good listener, asks sharp questions. Needs more practice handling objections.',
    'Engaged throughout; negotiation improved, closing is still new to them.',
  ],
  slow: [
    'Mostly observed: the stint was short for what they wanted to learn.',
    'A good start, but too little time to try things on real calls.',
  ],
};

const PULSE_COMMENTS: Record<'yes' | 'no', string[]> = {
  yes: [
    'Handles pricing questions from customers with much more confidence; the roadmap reviews show it.',
    'Brings sales objections into every planning session now. Worth every week.',
    'Talks to customers differently: asks about the buying process before features.',
    'Follows up on customer threads until they close; the team noticed.',
    'Writes sharper requirements, with the deal context in them.',
    'Came back with a network in sales that we use every sprint.',
  ],
  no: [
    'Some good stories, but little change in day-to-day work so far.',
    'Hard to see what changed; the timing clashed with a release.',
    'Useful, but the weeks away cost us more than we got back this time.',
  ],
};

// ----------------------------------------------------------------- types

export interface DemoOutcome {
  /** The PM's self-ratings at the kickoff: the baseline of every gain. */
  kickoff: SkillRatings;
  /** The PM's self-ratings at the final (and the follow-up). */
  final: SkillRatings;
  /** The host manager's assessment at the final. */
  host: SkillRatings;
  /** The line manager's pulse after return. */
  pulse: SkillRatings;
  wouldSendAgain: boolean;
  /** One per goal of the request, in its order. */
  goalOutcomes: GoalOutcome[];
  hostNotes: string;
  pulseComment: string;
  /** The host's answer to the midpoint. */
  feedback: string;
  /** Which of the notes variants the PM wrote. */
  noteOffset: number;
  /** Hours after its moment that the PM filed each check-in. */
  filedAfterHours: number;
  /** Hours after its moment that the line manager gave the pulse. */
  pulseAfterHours: number;
}

/** A finished rotation of the history: its request, its placement and how it went. */
export interface DemoHistoricRotation {
  request: DemoRequest;
  placement: DemoPlacement;
  outcome: DemoOutcome;
}

/** A history rotation before it has dates, a PM or (finally) a team. */
export interface HistorySpec {
  key: string;
  weeks: number;
  /** Preferred start, in weeks from this week's Monday. */
  preferredWeek: number;
  /** Preferred team; another one when it is full. */
  teamKey: string;
  /** Prefer a PM from the host's own region. */
  homeRegion: boolean;
  /** Breaks ties between equally suitable PMs. */
  pmSalt: number;
  leadDays: number;
  goals: string[];
  motivation: string;
  hostComment: string;
  outcome: DemoOutcome;
}

/** What the history is fitted around. */
export interface HistoryContext {
  today: IsoDate;
  users: DemoUser[];
  teams: DemoTeam[];
  /** The hand-written programme: placements (booked: taking a place) and pending requests. */
  busy: Array<{ pmKey: string; teamKey: string; startDate: IsoDate; endDate: IsoDate; booked: boolean }>;
  /** PMs kept out of the history (their hand-written story must read as it is). */
  excludedPmKeys: ReadonlySet<string>;
}

// ---------------------------------------------------------------- random

/** A small seeded generator (mulberry32) with the draws the history needs. */
export class SeededRandom {
  private state: number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let x = this.state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from 0 to n − 1. */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new RangeError('Cannot pick from an empty list.');
    return item;
  }

  /** One of the values, with the given weights. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    const total = choices.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [value, w] of choices) {
      x -= w;
      if (x < 0) return value;
    }
    const last = choices[choices.length - 1];
    if (!last) throw new RangeError('Cannot choose from no choices.');
    return last[0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }
}

// ----------------------------------------------------------------- specs

const clampRating = (x: number): number => Math.min(5, Math.max(1, Math.round(x)));

function ratingsFrom(fn: (skill: (typeof SKILLS)[number]) => number): SkillRatings {
  return { negotiation: fn('negotiation'), closing: fn('closing'), persistence: fn('persistence') };
}

/** Mean over the skills of (rating − kickoff). */
export function gainOver(kickoff: SkillRatings, ratings: SkillRatings): number {
  return SKILLS.reduce((s, skill) => s + ratings[skill] - kickoff[skill], 0) / SKILLS.length;
}

/**
 * The history's rotations before they are placed in time: lengths, preferred
 * weeks and teams, goals, ratings and words, all from the seeded generator,
 * in the same order every time.
 */
export function historySpecs(
  teams: ReadonlyArray<Pick<DemoTeam, 'key' | 'capacity'>>,
  goals: readonly string[],
  seed: number = HISTORY_SEED,
): HistorySpec[] {
  const random = new SeededRandom(seed);
  const lengths = random.shuffle(
    Object.entries(HISTORY_COUNTS).flatMap(([weeks, n]) => Array.from({ length: n }, () => Number(weeks))),
  );
  const teamWeights = teams.map((t) => [t.key, t.capacity] as const);
  return lengths.map((weeks, i): HistorySpec => {
    // Spread over the two years, in the order drawn.
    const latestStart = HISTORY_END_WEEK - weeks;
    const preferredWeek =
      HISTORY_FIRST_WEEK + Math.floor(((i + random.next()) / lengths.length) * (latestStart - HISTORY_FIRST_WEEK + 1));
    const teamKey = random.weighted(teamWeights);
    const homeRegion = random.chance(0.7);
    const pmSalt = random.int(1_000_000);
    const leadDays = 14 + random.int(29);
    const goalCount = random.weighted([
      [1, 0.35],
      [2, 0.45],
      [3, 0.2],
    ] as const);
    const chosenGoals = random.shuffle([...goals]).slice(0, goalCount);
    const motivation = random.pick(MOTIVATIONS);
    const hostComment = random.pick(['', 'Welcome aboard!', 'Happy to have you with us.', 'See you on Monday.']);

    // How it went: one gain for the rotation, then each rating strays from it.
    const gain = (HISTORY_MEAN_GAIN[weeks] ?? 0) + random.normal() * ROTATION_SD;
    const kickoff = ratingsFrom(() => random.weighted(KICKOFF_WEIGHTS));
    const rate = (lean: number) =>
      ratingsFrom((skill) => clampRating(kickoff[skill] + gain + lean + random.normal() * RATING_SD));
    const final = rate(LEAN.self);
    const host = rate(LEAN.host);
    const pulse = rate(LEAN.pulse);

    const selfGain = gainOver(kickoff, final);
    const pulseGain = gainOver(kickoff, pulse);
    const hostGain = gainOver(kickoff, host);
    const sendAgain = Math.min(
      0.98,
      Math.max(0.05, (SEND_AGAIN[weeks] ?? 0.8) + 0.15 * (pulseGain - (HISTORY_MEAN_GAIN[weeks] ?? 0))),
    );
    const wouldSendAgain = random.chance(sendAgain);
    const goalOutcomes = chosenGoals.map((goal): GoalOutcome => {
      const met = Math.min(0.9, Math.max(0.05, 0.15 + 0.45 * selfGain));
      const notMet = Math.min(0.5, Math.max(0.03, 0.35 - 0.3 * selfGain));
      const result: GoalResult = random.weighted([
        ['met', met],
        ['partly_met', Math.max(0.05, 1 - met - notMet)],
        ['not_met', notMet],
      ] as const);
      return { goal, result };
    });
    const hostTone = hostGain >= 1.2 ? 'strong' : hostGain >= 0.5 ? 'steady' : 'slow';

    return {
      key: `history-${String(i + 1).padStart(3, '0')}`,
      weeks,
      preferredWeek,
      teamKey,
      homeRegion,
      pmSalt,
      leadDays,
      goals: chosenGoals,
      motivation,
      hostComment,
      outcome: {
        kickoff,
        final,
        host,
        pulse,
        wouldSendAgain,
        goalOutcomes,
        hostNotes: random.pick(HOST_NOTES[hostTone]),
        pulseComment: random.pick(PULSE_COMMENTS[wouldSendAgain ? 'yes' : 'no']),
        feedback: random.pick(FEEDBACK),
        noteOffset: random.int(24),
        filedAfterHours: 1 + random.int(6),
        pulseAfterHours: 2 + random.int(72),
      },
    };
  });
}

// ------------------------------------------------------------- placement

/** desired, desired+1, desired−1, desired+2, … */
function weeksAround(desired: number, reach: number): number[] {
  const weeks = [desired];
  for (let d = 1; d <= reach; d++) weeks.push(desired + d, desired - d);
  return weeks;
}

/**
 * Places the specs in time, oldest preferred week first: each on the Monday
 * nearest its preferred week (within the window) where its team still has a
 * place on every day and a PM is free, with a few weeks' gap around each of
 * the PM's other rotations; another team when its own is full throughout.
 * Throws when a spec fits nowhere.
 */
export function demoHistory(specs: readonly HistorySpec[], ctx: HistoryContext): DemoHistoricRotation[] {
  const monday = toDayNumber(weekStart(ctx.today));
  const firstDay = monday + 7 * HISTORY_FIRST_WEEK;
  const lastDay = monday + 7 * HISTORY_END_WEEK - 1;
  const users = new Map(ctx.users.map((u) => [u.key, u]));
  const teams = new Map(ctx.teams.map((t) => [t.key, t]));

  // Places taken per team and day of the window.
  const load = new Map<string, Int16Array>();
  for (const t of ctx.teams) load.set(t.key, new Int16Array(lastDay - firstDay + 1));
  const take = (teamKey: string, start: number, end: number): void => {
    const days = load.get(teamKey);
    if (!days) return;
    for (let d = Math.max(start, firstDay); d <= Math.min(end, lastDay); d++)
      days[d - firstDay] = (days[d - firstDay] ?? 0) + 1;
  };
  const hasRoom = (team: DemoTeam, start: number, end: number): boolean => {
    const days = load.get(team.key);
    if (!days) return false;
    for (let d = start; d <= end; d++) if ((days[d - firstDay] ?? 0) >= team.capacity) return false;
    return true;
  };

  // Each PM's rotations (any status that holds their dates), as day ranges.
  const pmBusy = new Map<string, Array<[number, number]>>();
  const hold = (pmKey: string, start: number, end: number): void => {
    pmBusy.set(pmKey, [...(pmBusy.get(pmKey) ?? []), [start, end]]);
  };
  for (const b of ctx.busy) {
    hold(b.pmKey, toDayNumber(b.startDate), toDayNumber(b.endDate));
    if (b.booked) take(b.teamKey, toDayNumber(b.startDate), toDayNumber(b.endDate));
  }
  const isFree = (pmKey: string, start: number, end: number): boolean =>
    (pmBusy.get(pmKey) ?? []).every(([s, e]) => start > e + HISTORY_PM_GAP_DAYS || end < s - HISTORY_PM_GAP_DAYS);

  const pms = ctx.users.filter((u) => u.role === 'pm' && !ctx.excludedPmKeys.has(u.key));
  const pmIndexes = pms.map((_, i) => i);
  const used = new Map<string, number>();
  const teamOrder = [...ctx.teams].sort((a, b) => b.capacity - a.capacity || a.key.localeCompare(b.key));

  const order = [...specs].sort((a, b) => a.preferredWeek - b.preferredWeek || a.key.localeCompare(b.key));
  const placed: DemoHistoricRotation[] = [];
  for (const spec of order) {
    const own = teams.get(spec.teamKey);
    if (!own) throw new Error(`The demo history names an unknown team ${spec.teamKey}.`);
    let found: { team: DemoTeam; pm: DemoUser; start: number } | null = null;
    for (const team of [own, ...teamOrder.filter((t) => t.key !== own.key)]) {
      // Home-region PMs first (or last), then the least used, then a stable shuffle by the spec's salt.
      const rank = new Float64Array(pms.length);
      pms.forEach((u, i) => {
        const away = Number((u.managerKey === team.managerKey) !== spec.homeRegion);
        rank[i] = (away * 64 + (used.get(u.key) ?? 0)) * 2 ** 32 + (Math.imul((i + 1) ^ spec.pmSalt, 0x9e3779b1) >>> 0);
      });
      const candidates = pmIndexes
        .slice()
        .sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0))
        .map((i) => pms[i] as DemoUser);
      for (const week of weeksAround(spec.preferredWeek, 30)) {
        const start = monday + 7 * week;
        const end = start + 7 * spec.weeks - 1;
        if (start < firstDay || end > lastDay || !hasRoom(team, start, end)) continue;
        const pm = candidates.find((p) => isFree(p.key, start, end));
        if (pm) {
          found = { team, pm, start };
          break;
        }
      }
      if (found) break;
    }
    if (!found) throw new Error(`The demo history found no team, PM and dates for ${spec.key} around ${ctx.today}.`);

    const { team, pm, start } = found;
    const end = start + 7 * spec.weeks - 1;
    take(team.key, start, end);
    hold(pm.key, start, end);
    used.set(pm.key, (used.get(pm.key) ?? 0) + 1);
    placed.push(historicRotation(spec, team, pm, fromDayNumber(start), fromDayNumber(end), users));
  }
  return placed.sort((a, b) =>
    a.placement.startDate < b.placement.startDate
      ? -1
      : a.placement.startDate > b.placement.startDate
        ? 1
        : a.placement.key.localeCompare(b.placement.key),
  );
}

function historicRotation(
  spec: HistorySpec,
  team: DemoTeam,
  pm: DemoUser,
  startDate: IsoDate,
  endDate: IsoDate,
  users: Map<string, DemoUser>,
): DemoHistoricRotation {
  const lineManager = users.get(pm.managerKey ?? '');
  const host = users.get(team.managerKey);
  if (!lineManager || !host) throw new Error(`The demo history has no line manager or host for ${spec.key}.`);
  const askedOn = workweekStart(addDays(startDate, -spec.leadDays), 2);
  const createdAt = instant(askedOn, TIMES.request, pm.timezone);
  const releasedAt = instant(addDays(askedOn, 1), TIMES.release, lineManager.timezone);
  const bookedAt = instant(addDays(askedOn, 2), TIMES.host, host.timezone);
  const dates = { startDate, endDate, durationWeeks: spec.weeks };
  return {
    request: {
      key: spec.key,
      pmKey: pm.key,
      teamKey: team.key,
      ...dates,
      goals: [...spec.goals],
      motivation: spec.motivation,
      status: 'booked',
      approvals: [
        { step: 'manager', decision: 'approved', byKey: lineManager.key, comment: '', at: releasedAt },
        { step: 'host', decision: 'approved', byKey: host.key, comment: spec.hostComment, at: bookedAt },
      ],
      createdAt,
      pendingSince: releasedAt,
      updatedAt: bookedAt,
      placementKey: spec.key,
    },
    placement: {
      key: spec.key,
      requestKey: spec.key,
      pmKey: pm.key,
      teamKey: team.key,
      ...dates,
      phase: 'past',
      bookedAt,
      cancellation: null,
      checkIns: null,
    },
    // A copy: the specs are drawn once and shared by every plan.
    outcome: structuredClone(spec.outcome),
  };
}

// --------------------------------------------------------------- check-ins

/** One check-in of a history rotation, as the seed writes it. */
export interface HistoryCheckIn {
  kind: CheckInKind;
  dueDate: IsoDate;
  scheduledAt: Date;
  /** null while it is still ahead of `now` (only when the policy puts it there). */
  completedAt: Date | null;
  ratings: SkillRatings | null;
  notes: string;
  /** Who filed it: the PM, or (the pulse) their line manager; null while open. */
  filedBy: 'pm' | 'lineManager' | null;
  wouldSendAgain: boolean | null;
  goalOutcomes: GoalOutcome[] | null;
}

export interface HistoryLayout {
  checkIns: HistoryCheckIn[];
  /** When the host assessed the PM at the final; null while the final is open. */
  assessedAt: Date | null;
  /** When the host answered the midpoint; null without a filed midpoint. */
  feedbackAt: Date | null;
}

const HOUR = 3_600_000;
const COURSE: ReadonlySet<CheckInKind> = new Set<CheckInKind>(['kickoff', 'weekly', 'midpoint', 'final']);

function noteOf(list: readonly string[], n: number): string {
  return list[((n % list.length) + list.length) % list.length] ?? '';
}

/**
 * The rotation's check-ins as booking lays them out (`planCheckIns`, with the
 * programme's policy, the PM's time zone and the team's holidays), each filed
 * a few hours after its moment: self-ratings moving from the kickoff's to the
 * final's (the follow-up repeats the final), the goals revisited at the final,
 * the pulse given by the line manager. Whatever still lies after `now` stays
 * open.
 */
export function layOutHistoryCheckIns(
  r: DemoHistoricRotation,
  policy: Policy,
  pmTimeZone: string,
  isHoliday: HolidayCalendar,
  now: Date,
  weeklyNotes: readonly string[],
): HistoryLayout {
  const planned = planCheckIns({
    startDate: r.placement.startDate,
    durationWeeks: r.placement.durationWeeks,
    policy,
    pmTimeZone,
    isHoliday,
  });
  const o = r.outcome;
  const course = planned.filter((p) => COURSE.has(p.kind)).length;
  let step = 0;
  let weekly = 0;
  let assessedAt: Date | null = null;
  let feedbackAt: Date | null = null;
  const checkIns = planned.map((p): HistoryCheckIn => {
    const pulse = p.kind === 'pulse';
    const filed = new Date(p.scheduledAt.getTime() + (pulse ? o.pulseAfterHours : o.filedAfterHours) * HOUR);
    const done = filed <= now;
    let ratings: SkillRatings;
    if (pulse) ratings = o.pulse;
    else if (p.kind === 'follow_up') ratings = o.final;
    else {
      const t = course > 1 ? step / (course - 1) : 1;
      step++;
      ratings = ratingsFrom((skill) => Math.round(o.kickoff[skill] + (o.final[skill] - o.kickoff[skill]) * t));
    }
    const notes =
      p.kind === 'kickoff'
        ? noteOf(KICKOFF_NOTES, o.noteOffset)
        : p.kind === 'weekly'
          ? noteOf(weeklyNotes, o.noteOffset + weekly++)
          : p.kind === 'midpoint'
            ? noteOf(MIDPOINT_NOTES, o.noteOffset)
            : p.kind === 'final'
              ? noteOf(FINAL_NOTES, o.noteOffset)
              : p.kind === 'follow_up'
                ? noteOf(FOLLOW_UP_NOTES, o.noteOffset)
                : o.pulseComment;
    if (done && p.kind === 'final') {
      const at = new Date(filed.getTime() + 3 * HOUR);
      assessedAt = at <= now ? at : null;
    }
    if (done && p.kind === 'midpoint') {
      const at = new Date(filed.getTime() + 24 * HOUR);
      feedbackAt = at <= now ? at : null;
    }
    return {
      kind: p.kind,
      dueDate: p.date,
      scheduledAt: p.scheduledAt,
      completedAt: done ? filed : null,
      ratings: done ? ratings : null,
      notes: done ? notes : '',
      filedBy: done ? (pulse ? 'lineManager' : 'pm') : null,
      wouldSendAgain: done && pulse ? o.wouldSendAgain : null,
      goalOutcomes: done && p.kind === 'final' ? o.goalOutcomes : null,
    };
  });
  return { checkIns, assessedAt, feedbackAt };
}
