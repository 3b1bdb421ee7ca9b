import type { CheckInKind, GoalOutcome, RequestStatus } from '@stint/contracts';
import { checkBooking, DEFAULT_POLICY, type BlackoutRange, type DateRange } from '@stint/scheduling';
import { addDays, diffDays, endDateFor, minDate, weekStart, type IsoDate } from '@stint/shared-dates';
import { demoHistory, historySpecs, type DemoHistoricRotation, type HistorySpec } from './demo-history';
import { instant, TIMES, workweekStart } from './demo-time';

export { workweekStart } from './demo-time';

/**
 * The demo programme as plain data, laid out around `today` so a fresh
 * install always shows rotations that are over, running and coming up.
 * Pure and deterministic: the same `today` always gives the same plan.
 */

/** The password of every demo user. */
export const DEMO_PASSWORD = 'demo1234';

export type DemoRole = 'manager' | 'pm';

export interface DemoUser {
  key: string;
  email: string;
  name: string;
  role: DemoRole;
  timezone: string;
  /** Line manager (PMs only). */
  managerKey: string | null;
}

export interface DemoTeam {
  key: string;
  name: string;
  region: string;
  segment: string;
  managerKey: string;
  capacity: number;
  timezone: string;
  holidayCountry: string;
}

export interface DemoBlackout {
  /** null: global, for every team. */
  teamKey: string | null;
  startsOn: IsoDate;
  endsOn: IsoDate;
  reason: string;
}

export interface DemoApproval {
  step: 'manager' | 'host';
  decision: 'approved' | 'rejected';
  byKey: string;
  comment: string;
  /** ISO instant. */
  at: string;
}

export interface DemoRequest {
  key: string;
  pmKey: string;
  teamKey: string;
  startDate: IsoDate;
  endDate: IsoDate;
  durationWeeks: number;
  goals: string[];
  motivation: string;
  status: RequestStatus;
  /** In the order they were given. */
  approvals: DemoApproval[];
  createdAt: string;
  pendingSince: string;
  updatedAt: string;
  /** The placement a `booked` request made. */
  placementKey: string | null;
}

/** Where a placement stands on `today` (cancelled wins over the dates). */
export type DemoPlacementPhase = 'past' | 'current' | 'future' | 'cancelled';

export interface SkillRatings {
  negotiation: number;
  closing: number;
  persistence: number;
}

/**
 * How the PM filed the check-ins that are already due: ratings move from
 * `from` (first check-in) to `to` (last one), and with `leaveOverdue` the
 * latest overdue check-in and everything after it stay open.
 */
export interface DemoCheckInStory {
  from: SkillRatings;
  to: SkillRatings;
  leaveOverdue: boolean;
  /** Which of the weekly notes comes first, so PMs don't all write the same week. */
  noteOffset: number;
  /** The host manager's feedback on a completed midpoint. */
  feedback: string;
  /** The learning goals revisited at the final, one per goal of the request. */
  goalOutcomes: GoalOutcome[];
  /** The host manager's assessment once the final is filed. */
  assessment: { ratings: SkillRatings; notes: string };
  /** The line manager's pulse once it is due. */
  pulse: { ratings: SkillRatings; wouldSendAgain: boolean; comment: string };
  /** Leave the due pulse for the line manager to give (the browser test gives Lena's, as Maria). */
  leavePulseOpen?: boolean;
}

export interface DemoCancellation {
  at: string;
  byKey: string;
  reason: string;
}

export interface DemoPlacement {
  key: string;
  requestKey: string;
  pmKey: string;
  teamKey: string;
  startDate: IsoDate;
  endDate: IsoDate;
  durationWeeks: number;
  phase: DemoPlacementPhase;
  /** When the host approved: the placement's creation. */
  bookedAt: string;
  cancellation: DemoCancellation | null;
  /** Past and current placements only. */
  checkIns: DemoCheckInStory | null;
}

export interface DemoPlan {
  today: IsoDate;
  /** Before the first request: when the users, teams and blackouts appeared. */
  programmeStartedAt: string;
  users: DemoUser[];
  teams: DemoTeam[];
  blackouts: DemoBlackout[];
  /** Every rotation request, booked ones included (not the history's). */
  requests: DemoRequest[];
  placements: DemoPlacement[];
  /**
   * Two years of finished rotations before these (demo-history.ts): each
   * with its request, its placement and every viewpoint on what it taught.
   */
  history: DemoHistoricRotation[];
}

// ---------------------------------------------------------------- people

const MANAGERS: DemoUser[] = [
  {
    key: 'maria',
    email: 'maria.manager@stint.local',
    name: 'Maria Schneider',
    role: 'manager',
    timezone: 'Europe/Berlin',
    managerKey: null,
  },
  {
    key: 'sam',
    email: 'sam.manager@stint.local',
    name: 'Sam Whitaker',
    role: 'manager',
    timezone: 'America/New_York',
    managerKey: null,
  },
  {
    key: 'kai',
    email: 'kai.manager@stint.local',
    name: 'Kai Tan',
    role: 'manager',
    timezone: 'Asia/Singapore',
    managerKey: null,
  },
];

/** [name, line manager, time zone] for pm01 … pm20, then pm21 … pm50 (who appear in the history only). */
const PM_ROWS: Array<[string, string, string]> = [
  ['Lena Hoffmann', 'maria', 'Europe/Berlin'],
  ['Oliver Bennett', 'maria', 'Europe/London'],
  ['Sofia Marín', 'maria', 'Europe/Madrid'],
  ['Daan de Vries', 'maria', 'Europe/Amsterdam'],
  ['Amélie Laurent', 'maria', 'Europe/Paris'],
  ['Jonas Becker', 'maria', 'Europe/Berlin'],
  ['Priya Nair', 'maria', 'Europe/London'],
  ['Mateusz Kowalski', 'maria', 'Europe/Warsaw'],
  ['Jordan Reyes', 'sam', 'America/New_York'],
  ['Emily Carter', 'sam', 'America/New_York'],
  ['Marcus Johnson', 'sam', 'America/Chicago'],
  ['Hannah Brooks', 'sam', 'America/Denver'],
  ['Diego Alvarez', 'sam', 'America/Los_Angeles'],
  ['Camila Souza', 'sam', 'America/Sao_Paulo'],
  ['Ethan Walsh', 'sam', 'America/Toronto'],
  ['Wei Ling Lim', 'kai', 'Asia/Singapore'],
  ['Arjun Mehta', 'kai', 'Asia/Kolkata'],
  ['Yuki Tanaka', 'kai', 'Asia/Tokyo'],
  ['Chloe Nguyen', 'kai', 'Australia/Sydney'],
  ['Rizal Hakim', 'kai', 'Asia/Jakarta'],
  ['Freya Lindqvist', 'maria', 'Europe/Stockholm'],
  ['Tomás Novák', 'maria', 'Europe/Prague'],
  ['Giulia Romano', 'maria', 'Europe/Rome'],
  ['Niamh Byrne', 'maria', 'Europe/Dublin'],
  ['Lukas Steiner', 'maria', 'Europe/Vienna'],
  ['Inès Moreau', 'maria', 'Europe/Paris'],
  ['Sven Olsen', 'maria', 'Europe/Oslo'],
  ['Ana Ferreira', 'maria', 'Europe/Lisbon'],
  ['Maximilian Braun', 'maria', 'Europe/Berlin'],
  ['Eleni Papadopoulou', 'maria', 'Europe/Athens'],
  ['Bram Janssens', 'maria', 'Europe/Brussels'],
  ['Zofia Wiśniewska', 'maria', 'Europe/Warsaw'],
  ['Tyler Morgan', 'sam', 'America/New_York'],
  ['Olivia Chen', 'sam', 'America/Los_Angeles'],
  ['Andre Thompson', 'sam', 'America/Chicago'],
  ['Isabella Rossi', 'sam', 'America/New_York'],
  ['Lucas Oliveira', 'sam', 'America/Sao_Paulo'],
  ['Sarah Kim', 'sam', 'America/Los_Angeles'],
  ['Noah Fischer', 'sam', 'America/Denver'],
  ['Valentina García', 'sam', 'America/Mexico_City'],
  ["Ryan O'Connell", 'sam', 'America/Toronto'],
  ['Grace Patel', 'sam', 'America/Chicago'],
  ['Mateo Fernández', 'sam', 'America/Bogota'],
  ['Haruto Sato', 'kai', 'Asia/Tokyo'],
  ['Ananya Iyer', 'kai', 'Asia/Kolkata'],
  ['Min-jun Park', 'kai', 'Asia/Seoul'],
  ['Siti Rahman', 'kai', 'Asia/Kuala_Lumpur'],
  ["Liam O'Brien", 'kai', 'Australia/Melbourne'],
  ['Mei Chen', 'kai', 'Asia/Shanghai'],
  ['Nguyen Van An', 'kai', 'Asia/Ho_Chi_Minh'],
];

const PMS: DemoUser[] = PM_ROWS.map(([name, managerKey, timezone], i) => {
  const key = `pm${String(i + 1).padStart(2, '0')}`;
  return { key, email: `${key}@stint.local`, name, role: 'pm', timezone, managerKey };
});

const TEAMS: DemoTeam[] = [
  {
    key: 'emea-ent',
    name: 'EMEA Enterprise',
    region: 'EMEA',
    segment: 'Enterprise',
    managerKey: 'maria',
    capacity: 3,
    timezone: 'Europe/Berlin',
    holidayCountry: 'DE',
  },
  {
    key: 'emea-mm',
    name: 'EMEA Mid-Market',
    region: 'EMEA',
    segment: 'Mid-Market',
    managerKey: 'maria',
    capacity: 2,
    timezone: 'Europe/London',
    holidayCountry: 'GB',
  },
  {
    key: 'na-ent',
    name: 'NA Enterprise',
    region: 'North America',
    segment: 'Enterprise',
    managerKey: 'sam',
    capacity: 4,
    timezone: 'America/New_York',
    holidayCountry: 'US',
  },
  {
    key: 'na-smb',
    name: 'NA SMB',
    region: 'North America',
    segment: 'SMB',
    managerKey: 'sam',
    capacity: 2,
    timezone: 'America/Chicago',
    holidayCountry: 'US',
  },
  {
    key: 'apac',
    name: 'APAC Growth',
    region: 'APAC',
    segment: 'Growth',
    managerKey: 'kai',
    capacity: 1,
    timezone: 'Asia/Singapore',
    holidayCountry: 'SG',
  },
  {
    key: 'latam',
    name: 'LATAM Partners',
    region: 'LATAM',
    segment: 'Partners',
    managerKey: 'sam',
    capacity: 2,
    timezone: 'America/Sao_Paulo',
    holidayCountry: 'BR',
  },
];

/** The team whose sales kick-off is a blackout. */
const KICK_OFF_TEAM = 'na-ent';

// ------------------------------------------------------------- rotations

const GOALS = {
  negotiation: 'Hold the line on price by anchoring on outcomes',
  objections: 'Hear the top objections first-hand',
  closing: 'Run a close plan with procurement',
  discovery: 'Learn how AEs run discovery',
  persistence: 'Follow up on stalled deals until they move',
  partners: 'Understand how partners sell our product',
} as const;

interface RotationSpec {
  key: string;
  pmKey: string;
  teamKey: string;
  weeks: number;
  /** Preferred start, in weeks from this week's Monday; moved when a rule says no. */
  weekOffset: number;
  goals: string[];
  motivation: string;
}

interface PlacementSpec extends RotationSpec {
  phase: DemoPlacementPhase;
  /** Days between the request and the start. */
  leadDays: number;
  /** At least this many days ago the request was made (future placements). */
  minAgeDays: number;
  checkIns?: Pick<DemoCheckInStory, 'from' | 'to' | 'leaveOverdue' | 'noteOffset' | 'leavePulseOpen'>;
  cancellation?: { daysAgo: number; reason: string };
}

interface RequestSpec extends RotationSpec {
  status: Exclude<RequestStatus, 'booked'>;
  /** Days ago the PM asked. */
  ageDays: number;
  /** pending_host and host rejections: days after asking that the line manager released. */
  releasedAfterDays?: number;
  /** rejected and withdrawn: days after asking that it ended. */
  endedAfterDays?: number;
  rejection?: { step: 'manager' | 'host'; comment: string };
}

const PLACEMENT_SPECS: PlacementSpec[] = [
  // Over.
  {
    key: 'lena-emea-ent',
    pmKey: 'pm01',
    teamKey: 'emea-ent',
    weeks: 4,
    weekOffset: -14,
    phase: 'past',
    leadDays: 21,
    minAgeDays: 4,
    goals: [GOALS.negotiation, GOALS.objections],
    motivation: 'Our pricing page is built on guesses; I want to hear how enterprise buyers actually push back.',
    checkIns: {
      from: { negotiation: 2, closing: 2, persistence: 3 },
      to: { negotiation: 4, closing: 3, persistence: 4 },
      leaveOverdue: false,
      noteOffset: 0,
      leavePulseOpen: true,
    },
  },
  {
    key: 'jordan-na-ent',
    pmKey: 'pm09',
    teamKey: 'na-ent',
    weeks: 6,
    weekOffset: -12,
    phase: 'past',
    leadDays: 28,
    minAgeDays: 4,
    goals: [GOALS.closing, GOALS.discovery],
    motivation: 'I own the quoting flow and have never seen a deal close.',
    checkIns: {
      from: { negotiation: 2, closing: 1, persistence: 2 },
      to: { negotiation: 4, closing: 4, persistence: 4 },
      leaveOverdue: false,
      noteOffset: 2,
    },
  },
  {
    key: 'weiling-apac',
    pmKey: 'pm16',
    teamKey: 'apac',
    weeks: 3,
    weekOffset: -9,
    phase: 'past',
    leadDays: 18,
    minAgeDays: 4,
    goals: [GOALS.discovery, GOALS.persistence],
    motivation: 'APAC growth deals stall in the first month; I want to see why.',
    checkIns: {
      from: { negotiation: 3, closing: 2, persistence: 2 },
      to: { negotiation: 4, closing: 3, persistence: 4 },
      leaveOverdue: false,
      noteOffset: 4,
    },
  },
  {
    key: 'oliver-emea-mm',
    pmKey: 'pm02',
    teamKey: 'emea-mm',
    weeks: 2,
    weekOffset: -6,
    phase: 'past',
    leadDays: 14,
    minAgeDays: 4,
    goals: [GOALS.objections],
    motivation: 'Mid-market churn reasons keep surprising us; time to hear them live.',
    checkIns: {
      from: { negotiation: 2, closing: 2, persistence: 2 },
      to: { negotiation: 3, closing: 3, persistence: 3 },
      leaveOverdue: true,
      noteOffset: 1,
    },
  },
  {
    key: 'camila-latam',
    pmKey: 'pm14',
    teamKey: 'latam',
    weeks: 8,
    weekOffset: -13,
    phase: 'past',
    leadDays: 30,
    minAgeDays: 4,
    goals: [GOALS.partners, GOALS.negotiation, GOALS.closing],
    motivation: 'The partner portal is mine; I need to understand how partners sell before the redesign.',
    checkIns: {
      from: { negotiation: 1, closing: 2, persistence: 2 },
      to: { negotiation: 4, closing: 4, persistence: 5 },
      leaveOverdue: false,
      noteOffset: 3,
    },
  },
  {
    key: 'marcus-na-smb',
    pmKey: 'pm11',
    teamKey: 'na-smb',
    weeks: 2,
    weekOffset: -4,
    phase: 'past',
    leadDays: 16,
    minAgeDays: 4,
    goals: [GOALS.persistence],
    motivation: 'Self-serve upgrades need a human nudge more often than we think.',
    checkIns: {
      from: { negotiation: 2, closing: 3, persistence: 2 },
      to: { negotiation: 3, closing: 4, persistence: 4 },
      leaveOverdue: false,
      noteOffset: 5,
    },
  },
  // Running.
  {
    key: 'sofia-emea-ent',
    pmKey: 'pm03',
    teamKey: 'emea-ent',
    weeks: 6,
    weekOffset: -3,
    phase: 'current',
    leadDays: 25,
    minAgeDays: 4,
    goals: [GOALS.negotiation, GOALS.closing],
    motivation: 'Security reviews slow our enterprise deals; I want to sit in on them.',
    checkIns: {
      from: { negotiation: 2, closing: 2, persistence: 3 },
      to: { negotiation: 4, closing: 4, persistence: 4 },
      leaveOverdue: false,
      noteOffset: 2,
    },
  },
  {
    key: 'emily-na-ent',
    pmKey: 'pm10',
    teamKey: 'na-ent',
    weeks: 4,
    weekOffset: -1,
    phase: 'current',
    leadDays: 20,
    minAgeDays: 4,
    goals: [GOALS.discovery, GOALS.objections],
    motivation: 'Onboarding is my area, and it starts with what sales promised.',
    checkIns: {
      from: { negotiation: 2, closing: 2, persistence: 2 },
      to: { negotiation: 4, closing: 3, persistence: 4 },
      leaveOverdue: true,
      noteOffset: 0,
    },
  },
  {
    key: 'arjun-apac',
    pmKey: 'pm17',
    teamKey: 'apac',
    weeks: 4,
    weekOffset: -2,
    phase: 'current',
    leadDays: 21,
    minAgeDays: 4,
    goals: [GOALS.negotiation, GOALS.persistence],
    motivation: 'Localised pricing for India is on my roadmap.',
    checkIns: {
      from: { negotiation: 1, closing: 2, persistence: 3 },
      to: { negotiation: 3, closing: 3, persistence: 4 },
      leaveOverdue: false,
      noteOffset: 4,
    },
  },
  {
    key: 'hannah-na-smb',
    pmKey: 'pm12',
    teamKey: 'na-smb',
    weeks: 3,
    weekOffset: -1,
    phase: 'current',
    leadDays: 15,
    minAgeDays: 4,
    goals: [GOALS.closing],
    motivation: 'I want to see how a trial turns into a signed order.',
    checkIns: {
      from: { negotiation: 3, closing: 2, persistence: 2 },
      to: { negotiation: 4, closing: 4, persistence: 3 },
      leaveOverdue: false,
      noteOffset: 1,
    },
  },
  // Coming up.
  {
    key: 'lena-na-ent',
    pmKey: 'pm01',
    teamKey: 'na-ent',
    weeks: 2,
    weekOffset: 8,
    phase: 'future',
    leadDays: 30,
    minAgeDays: 6,
    goals: [GOALS.closing],
    motivation: 'Second stint: after EMEA, I want to compare how NA enterprise deals close.',
  },
  {
    key: 'amelie-emea-ent',
    pmKey: 'pm05',
    teamKey: 'emea-ent',
    weeks: 4,
    weekOffset: 4,
    phase: 'future',
    leadDays: 24,
    minAgeDays: 9,
    goals: [GOALS.negotiation, GOALS.discovery],
    motivation: 'Packaging changes next quarter; I need to hear what buyers value.',
  },
  {
    key: 'yuki-apac',
    pmKey: 'pm18',
    teamKey: 'apac',
    weeks: 2,
    weekOffset: 5,
    phase: 'future',
    leadDays: 20,
    minAgeDays: 5,
    goals: [GOALS.objections],
    motivation: 'Japanese customers ask for things our roadmap never mentions.',
  },
  {
    key: 'diego-latam',
    pmKey: 'pm13',
    teamKey: 'latam',
    weeks: 3,
    weekOffset: 3,
    phase: 'future',
    leadDays: 18,
    minAgeDays: 7,
    goals: [GOALS.partners, GOALS.persistence],
    motivation: 'Partner deal registration is broken; I want to watch it break.',
  },
  {
    key: 'priya-emea-mm',
    pmKey: 'pm07',
    teamKey: 'emea-mm',
    weeks: 5,
    weekOffset: 9,
    phase: 'future',
    leadDays: 35,
    minAgeDays: 12,
    goals: [GOALS.negotiation, GOALS.closing, GOALS.persistence],
    motivation: 'I am new to B2B and want the full picture, not a week of it.',
  },
  // Booked, then called off.
  {
    key: 'ethan-na-ent',
    pmKey: 'pm15',
    teamKey: 'na-ent',
    weeks: 2,
    weekOffset: 3,
    phase: 'cancelled',
    leadDays: 30,
    minAgeDays: 20,
    goals: [GOALS.discovery],
    motivation: 'Canadian public-sector deals have their own rules; I want to learn them.',
    cancellation: {
      daysAgo: 4,
      reason: 'The team is onboarding two new account executives those weeks; please re-book next quarter.',
    },
  },
];

const REQUEST_SPECS: RequestSpec[] = [
  {
    key: 'daan-emea-ent',
    pmKey: 'pm04',
    teamKey: 'emea-ent',
    weeks: 3,
    weekOffset: 7,
    status: 'pending_manager',
    ageDays: 1,
    goals: [GOALS.negotiation],
    motivation: 'Renewals are my next project; I want to hear a renewal negotiation.',
  },
  {
    key: 'chloe-apac',
    pmKey: 'pm19',
    teamKey: 'apac',
    weeks: 2,
    weekOffset: 9,
    status: 'pending_manager',
    ageDays: 2,
    goals: [GOALS.discovery, GOALS.objections],
    motivation: 'Australian customers churn after the first renewal; I want to know why.',
  },
  {
    key: 'rizal-na-smb',
    pmKey: 'pm20',
    teamKey: 'na-smb',
    weeks: 4,
    weekOffset: 6,
    status: 'pending_manager',
    ageDays: 4,
    goals: [GOALS.persistence, GOALS.closing],
    motivation: 'I want to learn the SMB playbook before we launch in Indonesia.',
  },
  {
    key: 'jonas-na-ent',
    pmKey: 'pm06',
    teamKey: 'na-ent',
    weeks: 3,
    weekOffset: 10,
    status: 'pending_host',
    ageDays: 5,
    releasedAfterDays: 2,
    goals: [GOALS.closing, GOALS.negotiation],
    motivation: 'Contract redlines cost us weeks; I want to see them up close.',
  },
  {
    key: 'emily-emea-mm',
    pmKey: 'pm10',
    teamKey: 'emea-mm',
    weeks: 2,
    weekOffset: 6,
    status: 'pending_host',
    ageDays: 6,
    releasedAfterDays: 4,
    goals: [GOALS.objections],
    motivation: 'After NA Enterprise, a short look at how mid-market EMEA differs.',
  },
  {
    key: 'mateusz-na-ent',
    pmKey: 'pm08',
    teamKey: 'na-ent',
    weeks: 6,
    weekOffset: 7,
    status: 'rejected',
    ageDays: 12,
    endedAfterDays: 2,
    rejection: {
      step: 'manager',
      comment: 'Six weeks overlaps the checkout launch. Let us plan three weeks right after the release instead.',
    },
    goals: [GOALS.closing, GOALS.negotiation, GOALS.discovery],
    motivation: 'I want the full enterprise cycle, end to end.',
  },
  {
    key: 'marcus-apac',
    pmKey: 'pm11',
    teamKey: 'apac',
    weeks: 4,
    weekOffset: 5,
    status: 'rejected',
    ageDays: 9,
    releasedAfterDays: 1,
    endedAfterDays: 3,
    rejection: {
      step: 'host',
      comment: 'We can only host one PM and are hiring that month. LATAM Partners has room; or ask again next quarter.',
    },
    goals: [GOALS.partners],
    motivation: 'A second stint, this time in a fast-growing region.',
  },
  {
    key: 'oliver-latam',
    pmKey: 'pm02',
    teamKey: 'latam',
    weeks: 2,
    weekOffset: 7,
    status: 'withdrawn',
    ageDays: 8,
    endedAfterDays: 2,
    goals: [GOALS.partners],
    motivation: 'Partners in Brazil resell our mid-market plan.',
  },
];

/** What PMs wrote on their check-ins (per kind; weekly ones rotate). */
export const CHECK_IN_NOTES: Record<CheckInKind, string[]> = {
  kickoff: ['Kick-off with the team: walked through the pipeline and picked the three deals I will follow.'],
  weekly: [
    'Shadowed a renewal call: the customer pushed hard on price and the AE held the line by re-anchoring on outcomes.',
    'Sat in on discovery calls; learned to ask about the buying process before talking features.',
    'Joined the forecast review and saw how deals slip when there is no agreed next step.',
    'Ran an objection-handling role play. Still too quick to offer a discount.',
    'Followed up on two stalled deals myself; one answered after the fourth touch.',
    'Helped build a mutual close plan for a big deal. Procurement is a project of its own.',
  ],
  midpoint: [
    'Midpoint: negotiation is clicking, closing still feels uncomfortable. Agreed to lead one call next week.',
  ],
  final: [
    'Last day: led a pricing conversation end to end. Taking home a list of five product gaps the team meets every week.',
  ],
  follow_up: [
    'Thirty days back: reworked two roadmap items around the objections I heard, and I now join one sales call a month.',
  ],
  pulse: ['Handles pricing questions from customers with much more confidence; the roadmap reviews show it.'],
};

const MIDPOINT_FEEDBACK =
  'Good progress: you asked the questions our AEs forget. Next, ask for the next step on every call.';

const HOST_ASSESSMENT =
  'Asked the questions our AEs forget and led a call on their own by the end. Welcome back any time.';

/**
 * The rest of a hand-written story: every goal met but the last of several
 * (partly), and the host and the line manager see what the PM's last rating
 * says (so ratings never fall across a story's check-ins).
 */
function storyOf(spec: PlacementSpec, filed: NonNullable<PlacementSpec['checkIns']>): DemoCheckInStory {
  return {
    ...filed,
    feedback: MIDPOINT_FEEDBACK,
    goalOutcomes: spec.goals.map((goal, i) => ({
      goal,
      result: i > 0 && i === spec.goals.length - 1 ? 'partly_met' : 'met',
    })),
    assessment: { ratings: { ...filed.to }, notes: HOST_ASSESSMENT },
    pulse: { ratings: { ...filed.to }, wouldSendAgain: true, comment: CHECK_IN_NOTES.pulse[0] ?? '' },
  };
}

/** The history's rotations before they get dates (the same whatever the day, so drawn once). */
let historySpecsCache: HistorySpec[] | null = null;
function historyOfSpecs(): HistorySpec[] {
  historySpecsCache ??= historySpecs(TEAMS, Object.values(GOALS));
  return historySpecsCache;
}

// ------------------------------------------------------------------ time

/** The last day of the calendar quarter holding `d`. */
export function quarterEnd(d: IsoDate): IsoDate {
  const year = Number(d.slice(0, 4));
  const lastMonth = Math.ceil(Number(d.slice(5, 7)) / 3) * 3;
  if (lastMonth === 12) return `${String(year).padStart(4, '0')}-12-31`;
  return addDays(`${String(year).padStart(4, '0')}-${String(lastMonth + 1).padStart(2, '0')}-01`, -1);
}

/**
 * The last five days of the quarter. When they start within two weeks of
 * today the next quarter's are used instead, so running placements fit
 * before them (and today is never inside one, which would leave nothing
 * running).
 */
export function quarterEndBlackout(today: IsoDate): DemoBlackout {
  let end = quarterEnd(today);
  if (diffDays(today, addDays(end, -4)) < 14) end = quarterEnd(addDays(end, 1));
  return { teamKey: null, startsOn: addDays(end, -4), endsOn: end, reason: 'Quarter-end close' };
}

/** Phase windows, with margins of a few days so the phase holds in every team's time zone. */
function fitsPhase(phase: DemoPlacementPhase, startDate: IsoDate, endDate: IsoDate, today: IsoDate): boolean {
  switch (phase) {
    case 'past':
      return endDate <= addDays(today, -3);
    case 'current':
      return startDate <= addDays(today, -2) && endDate >= addDays(today, 2);
    case 'future':
    case 'cancelled':
      return startDate >= addDays(today, 7);
  }
}

/** desired, desired+1, desired−1, desired+2, … */
function offsetsAround(desired: number, reach: number): number[] {
  const offsets = [desired];
  for (let d = 1; d <= reach; d++) offsets.push(desired + d, desired - d);
  return offsets;
}

interface Busy extends DateRange {
  pmKey: string;
  teamKey: string;
  /** Takes a place in the team (booked placements). */
  booked: boolean;
}

/**
 * The first Monday start near the preferred one (then shorter stints) that
 * keeps the phase and breaks no booking rule given what is already placed.
 * Conservative on purpose: every earlier item of the PM counts as busy, and
 * the cancelled placement keeps its place, as it did when it was booked.
 */
function placeRotation(
  spec: RotationSpec,
  phase: DemoPlacementPhase,
  checkCapacity: boolean,
  today: IsoDate,
  blackouts: BlackoutRange[],
  busy: Busy[],
): { startDate: IsoDate; endDate: IsoDate; durationWeeks: number } {
  const team = TEAMS.find((t) => t.key === spec.teamKey);
  if (!team) throw new Error(`The demo plan names an unknown team ${spec.teamKey}.`);
  const monday = weekStart(today);
  const pmBusy = busy.filter((b) => b.pmKey === spec.pmKey);
  const teamBookings = busy.filter((b) => b.booked && b.teamKey === team.key);
  for (let weeks = spec.weeks; weeks >= 1; weeks--) {
    for (const offset of offsetsAround(spec.weekOffset, 10)) {
      const startDate = addDays(monday, 7 * offset);
      const endDate = endDateFor(startDate, weeks);
      if (!fitsPhase(phase, startDate, endDate, today)) continue;
      const violations = checkBooking(
        {
          team: { id: team.key, capacity: team.capacity, active: true },
          blackouts,
          pmBusy,
          teamBookings,
          policy: DEFAULT_POLICY,
          today,
          isHoliday: () => false,
        },
        // The demo's dates stand for choices already made: only the rules a booking must keep whenever it is judged.
        { startDate, durationWeeks: weeks, confirming: true },
      ).filter((v) => v.code !== 'START_IN_PAST' && (checkCapacity || v.code !== 'CAPACITY_FULL'));
      if (violations.length === 0) return { startDate, endDate, durationWeeks: weeks };
    }
  }
  throw new Error(`The demo plan found no dates for ${spec.key} around ${today}.`);
}

function userByKey(key: string): DemoUser {
  const user = [...MANAGERS, ...PMS].find((u) => u.key === key);
  if (!user) throw new Error(`The demo plan names an unknown user ${key}.`);
  return user;
}

function teamByKey(key: string): DemoTeam {
  const team = TEAMS.find((t) => t.key === key);
  if (!team) throw new Error(`The demo plan names an unknown team ${key}.`);
  return team;
}

function lineManagerOf(pmKey: string): DemoUser {
  const managerKey = userByKey(pmKey).managerKey;
  if (!managerKey) throw new Error(`${pmKey} has no line manager.`);
  return userByKey(managerKey);
}

// ------------------------------------------------------------------ plan

export function demoPlan(today: IsoDate): DemoPlan {
  const monday = weekStart(today);
  const kickOffStart = addDays(monday, 7 * 6);
  const blackouts: DemoBlackout[] = [
    quarterEndBlackout(today),
    { teamKey: KICK_OFF_TEAM, startsOn: kickOffStart, endsOn: addDays(kickOffStart, 2), reason: 'Sales kick-off' },
  ];
  const blackoutRanges: BlackoutRange[] = blackouts.map((b) => ({
    teamId: b.teamKey,
    startsOn: b.startsOn,
    endsOn: b.endsOn,
    reason: b.reason,
  }));

  const busy: Busy[] = [];
  const requests: DemoRequest[] = [];
  const placements: DemoPlacement[] = [];

  for (const spec of PLACEMENT_SPECS) {
    const dates = placeRotation(spec, spec.phase, true, today, blackoutRanges, busy);
    busy.push({
      pmKey: spec.pmKey,
      teamKey: spec.teamKey,
      startDate: dates.startDate,
      endDate: dates.endDate,
      booked: true,
    });
    const pm = userByKey(spec.pmKey);
    const lineManager = lineManagerOf(spec.pmKey);
    const host = userByKey(teamByKey(spec.teamKey).managerKey);
    const askedOn = workweekStart(
      minDate(addDays(dates.startDate, -spec.leadDays), addDays(today, -spec.minAgeDays)),
      2,
    );
    const createdAt = instant(askedOn, TIMES.request, pm.timezone);
    const releasedAt = instant(addDays(askedOn, 1), TIMES.release, lineManager.timezone);
    const bookedAt = instant(addDays(askedOn, 2), TIMES.host, host.timezone);
    requests.push({
      key: spec.key,
      pmKey: spec.pmKey,
      teamKey: spec.teamKey,
      ...dates,
      goals: spec.goals,
      motivation: spec.motivation,
      status: 'booked',
      approvals: [
        { step: 'manager', decision: 'approved', byKey: lineManager.key, comment: '', at: releasedAt },
        {
          step: 'host',
          decision: 'approved',
          byKey: host.key,
          comment: `Welcome to ${teamByKey(spec.teamKey).name}!`,
          at: bookedAt,
        },
      ],
      createdAt,
      pendingSince: releasedAt,
      updatedAt: bookedAt,
      placementKey: spec.key,
    });
    placements.push({
      key: spec.key,
      requestKey: spec.key,
      pmKey: spec.pmKey,
      teamKey: spec.teamKey,
      ...dates,
      phase: spec.phase,
      bookedAt,
      cancellation: spec.cancellation
        ? {
            at: instant(workweekStart(addDays(today, -spec.cancellation.daysAgo), 0), TIMES.cancel, host.timezone),
            byKey: host.key,
            reason: spec.cancellation.reason,
          }
        : null,
      checkIns: spec.checkIns ? storyOf(spec, spec.checkIns) : null,
    });
  }

  for (const spec of REQUEST_SPECS) {
    const pending = spec.status === 'pending_manager' || spec.status === 'pending_host';
    // Pending requests are checked against capacity too, so the demo approver can book them.
    const dates = placeRotation(spec, 'future', pending, today, blackoutRanges, busy);
    busy.push({
      pmKey: spec.pmKey,
      teamKey: spec.teamKey,
      startDate: dates.startDate,
      endDate: dates.endDate,
      booked: false,
    });
    const pm = userByKey(spec.pmKey);
    const lineManager = lineManagerOf(spec.pmKey);
    const host = userByKey(teamByKey(spec.teamKey).managerKey);
    const askedOn = workweekStart(
      addDays(today, -spec.ageDays),
      Math.max(spec.releasedAfterDays ?? 0, spec.endedAfterDays ?? 0),
    );
    const createdAt = instant(askedOn, TIMES.request, pm.timezone);
    const approvals: DemoApproval[] = [];
    let pendingSince = createdAt;
    if (spec.releasedAfterDays !== undefined) {
      pendingSince = instant(addDays(askedOn, spec.releasedAfterDays), TIMES.release, lineManager.timezone);
      approvals.push({ step: 'manager', decision: 'approved', byKey: lineManager.key, comment: '', at: pendingSince });
    }
    let updatedAt = pendingSince;
    if (spec.rejection) {
      const by = spec.rejection.step === 'manager' ? lineManager : host;
      updatedAt = instant(addDays(askedOn, spec.endedAfterDays ?? 1), TIMES.host, by.timezone);
      approvals.push({
        step: spec.rejection.step,
        decision: 'rejected',
        byKey: by.key,
        comment: spec.rejection.comment,
        at: updatedAt,
      });
    } else if (spec.status === 'withdrawn') {
      updatedAt = instant(addDays(askedOn, spec.endedAfterDays ?? 1), TIMES.withdraw, pm.timezone);
    }
    requests.push({
      key: spec.key,
      pmKey: spec.pmKey,
      teamKey: spec.teamKey,
      ...dates,
      goals: spec.goals,
      motivation: spec.motivation,
      status: spec.status,
      approvals,
      createdAt,
      pendingSince,
      updatedAt,
      placementKey: null,
    });
  }

  // Two years of finished rotations before all this, around what is placed
  // already; not for PMs whose story leaves a check-in overdue (the overdue
  // check-in and the ratings trend around it should read as they are).
  const history = demoHistory(historyOfSpecs(), {
    today,
    users: [...MANAGERS, ...PMS],
    teams: TEAMS,
    busy,
    excludedPmKeys: new Set(PLACEMENT_SPECS.filter((s) => s.checkIns?.leaveOverdue).map((s) => s.pmKey)),
  });

  const firstRequestOn = [...requests, ...history.map((h) => h.request)]
    .map((r) => r.createdAt.slice(0, 10))
    .reduce((a, b) => minDate(a, b));
  return {
    today,
    programmeStartedAt: instant(addDays(firstRequestOn, -14), TIMES.setup, 'UTC'),
    users: [...MANAGERS, ...PMS].map((u) => ({ ...u })),
    teams: TEAMS.map((t) => ({ ...t })),
    blackouts,
    requests,
    placements,
    history,
  };
}
