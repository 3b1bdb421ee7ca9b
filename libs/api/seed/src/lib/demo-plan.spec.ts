import { blackoutAppliesTo, dailyLoad, peakLoad } from '@stint/scheduling';
import { addDays, diffDays, endDateFor, rangesOverlap, weekStart, type IsoDate } from '@stint/shared-dates';
import { DEMO_PASSWORD, demoPlan, quarterEnd, quarterEndBlackout, workweekStart, type DemoPlan } from './demo-plan';

const PENDING = ['pending_manager', 'pending_host'];

/** Every way `plan` breaks a booking rule or the demo's promises; empty when it keeps them all. */
function problems(plan: DemoPlan): string[] {
  const found: string[] = [];
  const { today } = plan;
  const users = new Map(plan.users.map((u) => [u.key, u]));
  const teams = new Map(plan.teams.map((t) => [t.key, t]));
  const live = plan.placements.filter((p) => p.phase !== 'cancelled');

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
  pmBusy.forEach((a, i) =>
    pmBusy.slice(i + 1).forEach((b) => {
      if (a.pmKey === b.pmKey && rangesOverlap(a.startDate, a.endDate, b.startDate, b.endDate))
        found.push(`${a.what} and ${b.what} overlap`);
    }),
  );

  // No rotation (placement or request of any status) touches a blackout of its team.
  for (const r of plan.requests) {
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
  for (const r of plan.requests) {
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

  // Approvals: the right people, in the right order, before the start.
  for (const r of plan.requests) {
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
    const placement = plan.placements.find((p) => p.requestKey === r.key);
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

  it('has 3 managers, 20 PMs with line managers in their region, and unique emails', () => {
    const managers = plan.users.filter((u) => u.role === 'manager');
    const pms = plan.users.filter((u) => u.role === 'pm');
    expect(managers.map((m) => m.email)).toEqual([
      'maria.manager@stint.local',
      'sam.manager@stint.local',
      'kai.manager@stint.local',
    ]);
    expect(pms.map((p) => p.email)).toEqual(
      Array.from({ length: 20 }, (_, i) => `pm${String(i + 1).padStart(2, '0')}@stint.local`),
    );
    expect(new Set(plan.users.map((u) => u.email.toLowerCase())).size).toBe(23);
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
