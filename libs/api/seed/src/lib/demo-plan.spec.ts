import { blackoutAppliesTo, createHolidayCalendar, dailyLoad, DEFAULT_POLICY, peakLoad } from '@stint/scheduling';
import {
  addDays,
  diffDays,
  endDateFor,
  nextBusinessDay,
  rangesOverlap,
  weekStart,
  zonedDateTimeToInstant,
  type IsoDate,
} from '@stint/shared-dates';
import { gainOver, layOutHistoryCheckIns, SKILLS, type DemoHistoricRotation } from './demo-history';
import {
  CHECK_IN_NOTES,
  DEMO_PASSWORD,
  demoPlan,
  quarterEnd,
  quarterEndBlackout,
  workweekStart,
  type DemoPlan,
  type SkillRatings,
} from './demo-plan';

const PENDING = ['pending_manager', 'pending_host'];

/** Every way `plan` breaks a booking rule or the demo's promises; empty when it keeps them all. */
function problems(plan: DemoPlan): string[] {
  const found: string[] = [];
  const { today } = plan;
  const users = new Map(plan.users.map((u) => [u.key, u]));
  const teams = new Map(plan.teams.map((t) => [t.key, t]));
  const history = plan.history ?? [];
  const live = [...plan.placements.filter((p) => p.phase !== 'cancelled'), ...history.map((h) => h.placement)];
  const allRequests = [...plan.requests, ...history.map((h) => h.request)];
  const placementOf = new Map(
    [...plan.placements, ...history.map((h) => h.placement)].map((p) => [p.requestKey, p] as const),
  );

  // Capacity: booked placements per team per day.
  for (const team of plan.teams) {
    const bookings = live.filter((p) => p.teamKey === team.key);
    if (bookings.length === 0) continue;
    const from = bookings.map((b) => b.startDate).reduce((a, b) => (a < b ? a : b));
    const to = bookings.map((b) => b.endDate).reduce((a, b) => (a > b ? a : b));
    const peak = peakLoad(bookings, from, to);
    if (peak > team.capacity) found.push(`${team.name} holds ${peak} PMs on one day (capacity ${team.capacity})`);
    if (dailyLoad(bookings, from, to).some((n) => n > team.capacity)) found.push(`${team.name} is over capacity`);
  }

  // A PM's live placements and pending requests never share a day.
  const pmBusy = [
    ...live.map((p) => ({ what: `placement ${p.key}`, pmKey: p.pmKey, startDate: p.startDate, endDate: p.endDate })),
    ...plan.requests
      .filter((r) => PENDING.includes(r.status))
      .map((r) => ({ what: `request ${r.key}`, pmKey: r.pmKey, startDate: r.startDate, endDate: r.endDate })),
  ];
  const byPm = new Map<string, typeof pmBusy>();
  for (const b of pmBusy) byPm.set(b.pmKey, [...(byPm.get(b.pmKey) ?? []), b]);
  for (const items of byPm.values()) {
    items.forEach((a, i) =>
      items.slice(i + 1).forEach((b) => {
        if (rangesOverlap(a.startDate, a.endDate, b.startDate, b.endDate))
          found.push(`${a.what} and ${b.what} overlap`);
      }),
    );
  }

  // No rotation (placement or request of any status) touches a blackout of its team.
  for (const r of allRequests) {
    for (const b of plan.blackouts) {
      if (
        blackoutAppliesTo({ teamId: b.teamKey, startsOn: b.startsOn, endsOn: b.endsOn }, r.teamKey) &&
        rangesOverlap(r.startDate, r.endDate, b.startsOn, b.endsOn)
      ) {
        found.push(
          `${r.key} (${r.startDate}–${r.endDate}) falls in the blackout ${b.reason} ${b.startsOn}–${b.endsOn}`,
        );
      }
    }
  }

  // Dates and phases.
  const midnight = `${today}T00:00:00.000Z`;
  for (const r of allRequests) {
    if (r.durationWeeks < 1 || r.durationWeeks > 8) found.push(`${r.key} lasts ${r.durationWeeks} weeks`);
    if (r.endDate !== endDateFor(r.startDate, r.durationWeeks)) found.push(`${r.key} ends on the wrong day`);
    if (r.status !== 'booked' && r.startDate < addDays(today, 7))
      found.push(`${r.key} (${r.status}) is not in the future`);
    const instants = [r.createdAt, ...r.approvals.map((a) => a.at), r.pendingSince, r.updatedAt];
    if (instants.some((at) => at >= midnight)) found.push(`${r.key} has an event after now`);
    const steps = [r.createdAt, ...r.approvals.map((a) => a.at)];
    if (steps.some((at, i) => i > 0 && at <= (steps[i - 1] ?? ''))) found.push(`${r.key}'s approvals are out of order`);
    if (r.updatedAt < r.pendingSince || r.pendingSince < r.createdAt)
      found.push(`${r.key}'s timestamps are out of order`);
  }
  for (const p of plan.placements) {
    const ok =
      p.phase === 'past'
        ? p.endDate < today
        : p.phase === 'current'
          ? p.startDate < today && today < p.endDate
          : p.startDate > today;
    if (!ok) found.push(`${p.key} (${p.startDate}–${p.endDate}) is not ${p.phase} on ${today}`);
    if (p.cancellation && (p.cancellation.at <= p.bookedAt || p.cancellation.at >= midnight))
      found.push(`${p.key} was cancelled at an odd time`);
    if ((p.phase === 'past' || p.phase === 'current') !== (p.checkIns !== null))
      found.push(`${p.key} has the wrong check-in story`);
  }

  // The history: finished long enough ago that the pulse is due (what it says is checked once, below).
  for (const { request: r, placement: p } of history) {
    if (p.phase !== 'past' || p.cancellation || p.checkIns !== null) found.push(`${p.key} is not a finished rotation`);
    if (diffDays(p.endDate, today) < 70) found.push(`${p.key} ended ${p.endDate}, less than 70 days before ${today}`);
    if (r.status !== 'booked' || r.placementKey !== p.key) found.push(`${r.key} is not booked into ${p.key}`);
    if (p.bookedAt !== r.updatedAt) found.push(`${p.key} was not booked when its request was`);
  }

  // Approvals: the right people, in the right order, before the start.
  for (const r of allRequests) {
    const lineManager = users.get(r.pmKey)?.managerKey;
    const host = teams.get(r.teamKey)?.managerKey;
    const shape = r.approvals.map((a) => `${a.step}:${a.decision}`).join(',');
    const expected: Record<string, string[]> = {
      booked: ['manager:approved,host:approved'],
      pending_host: ['manager:approved'],
      pending_manager: [''],
      rejected: ['manager:rejected', 'manager:approved,host:rejected'],
      withdrawn: ['', 'manager:approved'],
    };
    if (!expected[r.status]?.includes(shape)) found.push(`${r.key} (${r.status}) has approvals ${shape}`);
    for (const a of r.approvals) {
      if (a.byKey !== (a.step === 'manager' ? lineManager : host))
        found.push(`${r.key}: the ${a.step} step was decided by ${a.byKey}`);
      if (a.decision === 'rejected' && a.comment.trim() === '') found.push(`${r.key} was rejected without a comment`);
      if (a.at >= `${r.startDate}T00:00:00.000Z`) found.push(`${r.key} was decided after its start`);
    }
    const placement = placementOf.get(r.key);
    if ((r.status === 'booked') !== (placement !== undefined) || (r.placementKey ?? undefined) !== placement?.key)
      found.push(`${r.key} and its placement do not match`);
    if (
      placement &&
      (placement.startDate !== r.startDate ||
        placement.durationWeeks !== r.durationWeeks ||
        placement.pmKey !== r.pmKey ||
        placement.teamKey !== r.teamKey)
    ) {
      found.push(`${r.key}'s placement differs from the request`);
    }
  }
  return found;
}

function count<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('demoPlan', () => {
  const plan = demoPlan('2026-05-13');

  it('has 3 managers, 50 PMs with line managers in their region, and unique emails', () => {
    const managers = plan.users.filter((u) => u.role === 'manager');
    const pms = plan.users.filter((u) => u.role === 'pm');
    expect(managers.map((m) => m.email)).toEqual([
      'maria.manager@stint.local',
      'sam.manager@stint.local',
      'kai.manager@stint.local',
    ]);
    expect(pms.map((p) => p.email)).toEqual(
      Array.from({ length: 50 }, (_, i) => `pm${String(i + 1).padStart(2, '0')}@stint.local`),
    );
    expect(new Set(plan.users.map((u) => u.email.toLowerCase())).size).toBe(53);
    expect(new Set(plan.users.map((u) => u.name)).size).toBe(53);
    const region: Record<string, RegExp> = { maria: /^Europe\//, sam: /^America\//, kai: /^(Asia|Australia)\// };
    for (const pm of pms) {
      expect(managers.map((m) => m.key)).toContain(pm.managerKey);
      expect(pm.timezone).toMatch(region[pm.managerKey ?? ''] ?? /^$/);
    }
    // Every manager has reports.
    expect(new Set(pms.map((p) => p.managerKey)).size).toBe(3);
    expect(DEMO_PASSWORD).toBe('demo1234');
  });

  it('has 6 teams with capacities from 1 to 4, each run by one of the managers', () => {
    expect(plan.teams).toHaveLength(6);
    expect(new Set(plan.teams.map((t) => t.name)).size).toBe(6);
    for (const team of plan.teams) {
      expect(team.capacity).toBeGreaterThanOrEqual(1);
      expect(team.capacity).toBeLessThanOrEqual(4);
      expect(['maria', 'sam', 'kai']).toContain(team.managerKey);
    }
    expect(plan.teams.find((t) => t.name === 'APAC Growth')).toMatchObject({
      capacity: 1,
      timezone: 'Asia/Singapore',
      holidayCountry: 'SG',
    });
  });

  it('holds every request status and every placement phase', () => {
    expect(count(plan.requests, (r) => r.status)).toEqual({
      booked: 16,
      pending_manager: 3,
      pending_host: 2,
      rejected: 2,
      withdrawn: 1,
    });
    expect(count(plan.placements, (p) => p.phase)).toEqual({ past: 6, current: 4, future: 5, cancelled: 1 });
    const cancelled = plan.placements.find((p) => p.phase === 'cancelled');
    expect(cancelled?.cancellation?.reason).toBeTruthy();
    expect(cancelled?.cancellation?.byKey).toBe(plan.teams.find((t) => t.key === cancelled?.teamKey)?.managerKey);
    // The check-in tracker shows one or two overdue check-ins.
    const overdue = plan.placements.filter((p) => p.checkIns?.leaveOverdue).length;
    expect(overdue).toBeGreaterThanOrEqual(1);
    expect(overdue).toBeLessThanOrEqual(2);
  });

  it('has a global quarter-end blackout and a sales kick-off in the next two months', () => {
    const global = plan.blackouts.filter((b) => b.teamKey === null);
    expect(global).toEqual([
      { teamKey: null, startsOn: '2026-06-26', endsOn: '2026-06-30', reason: 'Quarter-end close' },
    ]);
    const kickOff = plan.blackouts.find((b) => b.reason === 'Sales kick-off');
    expect(kickOff?.teamKey).not.toBeNull();
    expect(diffDays(plan.today, kickOff?.startsOn ?? '')).toBeGreaterThan(0);
    expect(diffDays(plan.today, kickOff?.endsOn ?? '')).toBeLessThanOrEqual(61);
  });

  it('keeps every rule', () => {
    expect(problems(plan)).toEqual([]);
  });

  it('is checked by a checker that does catch broken rules', () => {
    const broken = (change: (p: DemoPlan) => void): string[] => {
      const copy = structuredClone(plan);
      change(copy);
      return problems(copy);
    };
    const first = (p: DemoPlan, phase: string) => {
      const found = p.placements.find((x) => x.phase === phase);
      if (!found) throw new Error(`no ${phase} placement`);
      return found;
    };
    // A second PM in APAC Growth (capacity 1) while one is running.
    expect(
      broken((p) => p.placements.push({ ...first(p, 'current'), key: 'extra', teamKey: 'apac', pmKey: 'pm20' })).join(),
    ).toMatch(/APAC Growth holds 2/);
    // The same PM twice at once.
    expect(broken((p) => p.placements.push({ ...first(p, 'current'), key: 'twice' })).join()).toMatch(/overlap/);
    // A history rotation in a team that is already full, and one too recent for its pulse.
    const oldest = (p: DemoPlan): DemoHistoricRotation => {
      const h = p.history[0];
      if (!h) throw new Error('no history');
      return h;
    };
    expect(
      broken((p) => {
        const team = p.teams.find((t) => t.key === oldest(p).placement.teamKey);
        for (let i = 0; i < (team?.capacity ?? 0); i++)
          p.history.push({
            ...oldest(p),
            placement: { ...oldest(p).placement, key: `crowd-${i}`, pmKey: `pm${30 + i}` },
          });
      }).join(),
    ).toMatch(/holds \d PMs on one day/);
    expect(
      broken((p) => {
        const h = oldest(p);
        h.placement.pmKey = 'pm02';
        h.placement.startDate = addDays(weekStart(p.today), -70);
        h.placement.endDate = endDateFor(h.placement.startDate, h.placement.durationWeeks);
      }).join(),
    ).toMatch(/less than 70 days before/);
    // A request inside the quarter-end close.
    expect(
      broken((p) => {
        const r = p.requests.find((x) => x.status === 'pending_manager');
        const close = p.blackouts.find((b) => b.teamKey === null);
        if (r && close)
          Object.assign(r, {
            startDate: weekStart(close.endsOn),
            endDate: endDateFor(weekStart(close.endsOn), r.durationWeeks),
          });
      }).join(),
    ).toMatch(/falls in the blackout Quarter-end close/);
  });

  it('is the same plan every time for the same day', () => {
    expect(demoPlan('2026-05-13')).toEqual(plan);
  });

  it('keeps every rule and every promise whatever day it is planned on', () => {
    const failures: string[] = [];
    let day: IsoDate = '2027-06-01';
    // Two years of days: every weekday at every point of every quarter, and 2028-02-29.
    for (let i = 0; i < 731; i++, day = addDays(day, 1)) {
      const p = demoPlan(day);
      const issues = problems(p);
      const statuses = count(p.requests, (r) => r.status);
      const phases = count(p.placements, (x) => x.phase);
      if (
        JSON.stringify(statuses) !==
        JSON.stringify({ booked: 16, pending_manager: 3, pending_host: 2, rejected: 2, withdrawn: 1 })
      )
        issues.push(`statuses ${JSON.stringify(statuses)}`);
      if (JSON.stringify(phases) !== JSON.stringify({ past: 6, current: 4, future: 5, cancelled: 1 }))
        issues.push(`phases ${JSON.stringify(phases)}`);
      const kickOff = p.blackouts.find((b) => b.reason === 'Sales kick-off');
      if (!kickOff || kickOff.startsOn <= day || diffDays(day, kickOff.endsOn) > 61)
        issues.push('kick-off not in the next two months');
      if (p.history.length !== 150) issues.push(`${p.history.length} history rotations`);
      for (const issue of issues) failures.push(`${day}: ${issue}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });
});

describe('the quarter-end blackout', () => {
  it('is the last five days of the quarter', () => {
    expect(quarterEnd('2026-01-01')).toBe('2026-03-31');
    expect(quarterEnd('2026-05-13')).toBe('2026-06-30');
    expect(quarterEnd('2026-09-30')).toBe('2026-09-30');
    expect(quarterEnd('2026-11-02')).toBe('2026-12-31');
    expect(quarterEndBlackout('2026-08-03')).toMatchObject({ startsOn: '2026-09-26', endsOn: '2026-09-30' });
  });

  it("moves to the next quarter's close when this one is less than two weeks away", () => {
    expect(quarterEndBlackout('2026-09-20')).toMatchObject({ startsOn: '2026-12-27', endsOn: '2026-12-31' });
    expect(quarterEndBlackout('2026-12-29')).toMatchObject({ startsOn: '2027-03-27', endsOn: '2027-03-31' });
  });

  it('puts requests and decisions on working days', () => {
    expect(workweekStart('2026-05-13', 2)).toBe('2026-05-13'); // Wed..Fri
    expect(workweekStart('2026-05-14', 2)).toBe('2026-05-13'); // Thu would run into Saturday
    expect(workweekStart('2026-05-17', 0)).toBe('2026-05-15'); // Sunday → Friday
    expect(workweekStart('2026-05-17', 4)).toBe('2026-05-11'); // Monday..Friday
  });

  it('plans around the week it is in', () => {
    // Every booked rotation starts on a Monday.
    for (const p of demoPlan('2026-05-13').placements) expect(weekStart(p.startDate)).toBe(p.startDate);
  });
});

/** Two-sided 95% Student t critical values, df 1–30 (beyond: 40, 60, 120 and the normal limit). */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
function t95(df: number): number {
  if (df <= 30) return T95[df - 1] ?? NaN;
  // Linear in 1/df between the tabulated points, as the API does.
  const points: Array<[number, number]> = [
    [30, 2.042],
    [40, 2.021],
    [60, 2.0],
    [120, 1.98],
    [Infinity, 1.96],
  ];
  for (let i = 1; i < points.length; i++) {
    const [hiDf, hiT] = points[i] as [number, number];
    const [loDf, loT] = points[i - 1] as [number, number];
    if (df <= hiDf) return loT + ((1 / loDf - 1 / df) / (1 / loDf - 1 / hiDf)) * (hiT - loT);
  }
  return 1.96;
}

function interval(values: number[]): { mean: number; low: number; high: number; n: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const half = (t95(n - 1) * sd) / Math.sqrt(n);
  return { mean, low: mean - half, high: mean + half, n };
}

/** The mean of self, host and pulse gains over the kickoff self-rating: what the outcomes report compares. */
function combinedGain(o: { kickoff: SkillRatings; final: SkillRatings; host: SkillRatings; pulse: SkillRatings }) {
  return (gainOver(o.kickoff, o.final) + gainOver(o.kickoff, o.host) + gainOver(o.kickoff, o.pulse)) / 3;
}

/**
 * The outcomes report's rule on per-rotation combined gains: lengths with 8
 * or more are eligible; the one with the highest mean is recommended when
 * its 95% interval lies above every other eligible length's.
 */
function recommendation(rotations: Array<{ weeks: number; gain: number }>) {
  const groups = new Map<number, number[]>();
  for (const r of rotations) groups.set(r.weeks, [...(groups.get(r.weeks) ?? []), r.gain]);
  const all = [...groups].map(([weeks, gains]) => ({ weeks, ...interval(gains) }));
  const eligible = all.filter((i) => i.n >= 8).sort((a, b) => b.mean - a.mean);
  const [best, ...others] = eligible;
  const recommended = eligible.length >= 2 && best && others.every((o) => best.low > o.high) ? best.weeks : null;
  return { all, eligible, recommended };
}

describe('the demo history', () => {
  const today = '2026-05-13';
  const plan = demoPlan(today);
  const { history } = plan;
  const byWeeks = (items: DemoHistoricRotation[]) => count(items, (h) => String(h.placement.durationWeeks));

  it('holds about 150 finished rotations of 1 to 8 weeks over two years, 4 weeks the most', () => {
    expect(history).toHaveLength(150);
    const weeks = byWeeks(history);
    expect(weeks).toEqual({ '1': 12, '2': 22, '3': 24, '4': 32, '5': 16, '6': 22, '7': 6, '8': 16 });
    expect(Object.keys(weeks).length).toBeGreaterThanOrEqual(5);
    for (const w of ['2', '3', '4', '6']) expect(weeks[w]).toBeGreaterThanOrEqual(10);
    expect(Math.max(...Object.values(weeks))).toBe(weeks['4']);

    const starts = history.map((h) => h.placement.startDate).sort();
    const ends = history.map((h) => h.placement.endDate).sort();
    // Two years back, all ended at least 70 days before today (so every pulse is due).
    expect(diffDays(starts[0] ?? '', today)).toBeGreaterThan(700);
    expect(diffDays(starts[0] ?? '', today)).toBeLessThanOrEqual(735);
    expect(diffDays(ends[ends.length - 1] ?? '', today)).toBeGreaterThanOrEqual(70);
    expect(diffDays(ends[ends.length - 1] ?? '', today)).toBeLessThan(120);
    // Spread over the two years: every quarter of them (but the last, which must end 70 days ago) has rotations.
    for (let q = 0; q < 7; q++) {
      const from = addDays(today, -730 + 91 * q);
      expect(starts.filter((d) => d >= from && d < addDays(from, 91)).length).toBeGreaterThan(5);
    }
    for (const h of history) expect(weekStart(h.placement.startDate)).toBe(h.placement.startDate);
  });

  it('keeps every team within its capacity on every day, and no PM in two places at once', () => {
    const live = [...plan.placements.filter((p) => p.phase !== 'cancelled'), ...history.map((h) => h.placement)];
    const from = history[0]?.placement.startDate ?? today;
    const to = addDays(today, 400);
    for (const team of plan.teams) {
      const load = dailyLoad(
        live.filter((p) => p.teamKey === team.key),
        from,
        to,
      );
      expect({ team: team.key, peak: Math.max(...load) }).toEqual({
        team: team.key,
        peak: expect.any(Number) as number,
      });
      expect(Math.max(...load)).toBeLessThanOrEqual(team.capacity);
    }
    const mine = new Map<string, typeof live>();
    for (const p of live) mine.set(p.pmKey, [...(mine.get(p.pmKey) ?? []), p]);
    for (const [pm, items] of mine) {
      const sorted = [...items].sort((a, b) => a.startDate.localeCompare(b.startDate));
      sorted.slice(1).forEach((p, i) => {
        const before = sorted[i];
        expect({ pm, overlaps: before ? before.endDate >= p.startDate : false }).toEqual({ pm, overlaps: false });
      });
    }
    expect(problems(plan)).toEqual([]);
  });

  it('spreads over every team and many PMs, each with a few rotations, leaving out PMs whose check-in is overdue', () => {
    expect(new Set(history.map((h) => h.placement.teamKey)).size).toBe(plan.teams.length);
    const perPm = count(history, (h) => h.placement.pmKey);
    expect(Object.keys(perPm).length).toBeGreaterThanOrEqual(40);
    expect(Math.max(...Object.values(perPm))).toBeLessThanOrEqual(6);
    const overdue = plan.placements.filter((p) => p.checkIns?.leaveOverdue).map((p) => p.pmKey);
    expect(overdue.length).toBeGreaterThan(0);
    for (const pm of overdue) expect(perPm[pm]).toBeUndefined();
    // Line managers and hosts are who they are for every other rotation.
    const users = new Map(plan.users.map((u) => [u.key, u]));
    for (const { request } of history) {
      expect(request.approvals.map((a) => a.byKey)).toEqual([
        users.get(request.pmKey)?.managerKey,
        plan.teams.find((t) => t.key === request.teamKey)?.managerKey,
      ]);
    }
  });

  it('gives every rotation a kickoff, final, host and pulse rating per skill, and its goals revisited', () => {
    for (const { outcome: o, request } of history) {
      for (const ratings of [o.kickoff, o.final, o.host, o.pulse]) {
        expect(Object.keys(ratings).sort()).toEqual([...SKILLS].sort());
        for (const s of SKILLS) expect([1, 2, 3, 4, 5]).toContain(ratings[s]);
      }
      for (const s of SKILLS) expect([1, 2, 3]).toContain(o.kickoff[s]);
      expect(o.goalOutcomes.map((g) => g.goal)).toEqual(request.goals);
      for (const g of o.goalOutcomes) expect(['met', 'partly_met', 'not_met']).toContain(g.result);
      expect(o.pulseComment.length).toBeGreaterThan(10);
      expect(o.hostNotes.length).toBeGreaterThan(10);
    }
    // Self-ratings lean above the host's, the host's above the line manager's.
    const mean = (f: (h: DemoHistoricRotation) => number) => history.reduce((a, h) => a + f(h), 0) / history.length;
    const self = mean((h) => gainOver(h.outcome.kickoff, h.outcome.final));
    const host = mean((h) => gainOver(h.outcome.kickoff, h.outcome.host));
    const pulse = mean((h) => gainOver(h.outcome.kickoff, h.outcome.pulse));
    expect(self).toBeGreaterThan(host);
    expect(host).toBeGreaterThan(pulse);
    expect(pulse).toBeGreaterThan(0.5);
    // Most line managers would send another PM; more of them after 4 weeks.
    const yes = (items: DemoHistoricRotation[]) => items.filter((h) => h.outcome.wouldSendAgain).length / items.length;
    expect(yes(history)).toBeGreaterThan(0.7);
    expect(yes(history)).toBeLessThan(0.9);
    expect(yes(history.filter((h) => h.placement.durationWeeks === 4))).toBeGreaterThan(yes(history));
  });

  it('recommends 4 weeks: the highest mean combined gain, its 95% interval clear of every other length with 8+', () => {
    // The hand-written stories whose pulse is given count too (the host and the line manager see their last rating).
    const handWritten = plan.placements.flatMap((p) =>
      p.phase === 'past' &&
      p.checkIns &&
      !p.checkIns.leaveOverdue &&
      !p.checkIns.leavePulseOpen &&
      diffDays(p.endDate, today) > 64
        ? [
            {
              weeks: p.durationWeeks,
              gain: combinedGain({
                kickoff: p.checkIns.from,
                final: p.checkIns.to,
                host: p.checkIns.assessment.ratings,
                pulse: p.checkIns.pulse.ratings,
              }),
            },
          ]
        : [],
    );
    const rotations = [
      ...history.map((h) => ({ weeks: h.placement.durationWeeks, gain: combinedGain(h.outcome) })),
      ...handWritten,
    ];
    const intervals = recommendation(rotations);
    expect(intervals.eligible.length).toBeGreaterThanOrEqual(2);
    expect(intervals.recommended).toBe(4);
    // Roughly the intended story: rising to 4 weeks, diminishing after.
    const meanOf = (w: number) => intervals.all.find((i) => i.weeks === w)?.mean ?? NaN;
    expect(meanOf(1)).toBeLessThan(meanOf(2));
    expect(meanOf(2)).toBeLessThan(meanOf(3));
    expect(meanOf(3)).toBeLessThan(meanOf(4));
    expect(meanOf(4)).toBeGreaterThan(1.2);
    for (const w of [5, 6, 8]) {
      expect(meanOf(w)).toBeLessThan(meanOf(4) - 0.2);
      expect(meanOf(w)).toBeGreaterThan(meanOf(2));
    }
  });

  it("recommends 4 weeks in each manager's own view too (their reports' and their teams' rotations)", () => {
    const users = new Map(plan.users.map((u) => [u.key, u]));
    const teams = new Map(plan.teams.map((t) => [t.key, t]));
    for (const manager of ['maria', 'sam', 'kai']) {
      const mine = history.filter(
        (h) =>
          users.get(h.placement.pmKey)?.managerKey === manager ||
          teams.get(h.placement.teamKey)?.managerKey === manager,
      );
      const rotations = mine.map((h) => ({ weeks: h.placement.durationWeeks, gain: combinedGain(h.outcome) }));
      expect({ manager, recommended: recommendation(rotations).recommended }).toEqual({ manager, recommended: 4 });
    }
  });

  it("lays out every rotation's check-ins as booking does, each filed, the pulse by the line manager", () => {
    const now = new Date(`${today}T12:00:00Z`);
    const users = new Map(plan.users.map((u) => [u.key, u]));
    const calendars = new Map(plan.teams.map((t) => [t.key, createHolidayCalendar(t.holidayCountry)]));
    for (const h of history) {
      const { placement: p, outcome: o } = h;
      const pm = users.get(p.pmKey);
      const isHoliday = calendars.get(p.teamKey) ?? (() => false);
      const layout = layOutHistoryCheckIns(
        h,
        DEFAULT_POLICY,
        pm?.timezone ?? 'UTC',
        isHoliday,
        now,
        CHECK_IN_NOTES.weekly,
      );
      const { checkIns } = layout;
      expect(checkIns).toHaveLength(p.durationWeeks + 3);
      expect(
        checkIns.every((c) => c.completedAt !== null && c.completedAt <= now && c.completedAt >= c.scheduledAt),
      ).toBe(true);
      expect(checkIns.every((c) => c.notes.length > 0 && c.ratings !== null)).toBe(true);
      const kinds = checkIns.map((c) => c.kind);
      expect(kinds.filter((k) => k === 'midpoint')).toHaveLength(p.durationWeeks >= 2 ? 1 : 0);
      const of = (kind: string) => checkIns.find((c) => c.kind === kind);
      expect(of('kickoff')?.ratings).toEqual(o.kickoff);
      expect(of('final')?.ratings).toEqual(o.final);
      expect(of('follow_up')?.ratings).toEqual(o.final);
      expect(of('final')?.goalOutcomes).toEqual(o.goalOutcomes);
      const pulse = of('pulse');
      expect(pulse).toMatchObject({
        ratings: o.pulse,
        filedBy: 'lineManager',
        wouldSendAgain: o.wouldSendAgain,
        notes: o.pulseComment,
      });
      const pulseDay = nextBusinessDay(addDays(p.endDate, 60), isHoliday);
      expect(pulse?.dueDate).toBe(pulseDay);
      expect(pulse?.scheduledAt).toEqual(zonedDateTimeToInstant(pulseDay, '10:00', pm?.timezone ?? 'UTC'));
      expect(
        checkIns.filter((c) => c.kind !== 'pulse').every((c) => c.filedBy === 'pm' && c.wouldSendAgain === null),
      ).toBe(true);
      expect(checkIns.filter((c) => c.kind !== 'final').every((c) => c.goalOutcomes === null)).toBe(true);
      expect(layout.assessedAt).not.toBeNull();
      expect(layout.feedbackAt === null).toBe(p.durationWeeks < 2);
      // Self-ratings never fall across the stint: they move from the kickoff's to the final's.
      const course = checkIns.filter((c) => c.kind !== 'pulse' && c.kind !== 'follow_up');
      for (const s of SKILLS) {
        const values = course.map((c) => c.ratings?.[s] ?? 0);
        const up = (o.final[s] ?? 0) >= (o.kickoff[s] ?? 0);
        values.slice(1).forEach((v, i) => expect(up ? v >= (values[i] ?? 0) : v <= (values[i] ?? 0)).toBe(true));
      }
    }
  });

  it('is the same history whatever the day: the same rotations and outcomes, only moved in whole weeks', () => {
    const later = demoPlan('2026-11-02');
    const outcomes = (p: DemoPlan) =>
      Object.fromEntries(
        p.history.map((h) => [h.placement.key, [h.placement.durationWeeks, h.outcome, h.request.goals]]),
      );
    expect(outcomes(later)).toEqual(outcomes(plan));
    expect(byWeeks(later.history)).toEqual(byWeeks(history));
  });
});
