import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashPassword } from '@stint/api-auth';
import { PlacementEntity, RotationRequestEntity } from '@stint/api-booking';
import { Clock, loadPolicy, PLACEMENT_EFFECTS, PlacementEffects, TransactionRunner } from '@stint/api-core';
import { createHolidayCalendar, type Policy } from '@stint/scheduling';
import { todayIn, type HolidayCalendar } from '@stint/shared-dates';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { recordDemoAudit } from './demo-audit.queries';
import { layOutHistoryCheckIns } from './demo-history';
import { CHECK_IN_NOTES, DEMO_PASSWORD, demoPlan, type DemoPlacement, type DemoPlan } from './demo-plan';
import {
  answerMidpoints,
  assessFinal,
  cancelOpenCheckIns,
  cancelPlacement,
  checkInTotals,
  completeDueCheckIns,
  giveDuePulse,
  hasTeams,
  insertApproval,
  insertBlackout,
  insertHistory,
  insertPlacement,
  insertRequest,
  insertTeam,
  insertUser,
  lockSeeding,
  overdueAfterHours,
  takenEmails,
  type HistoryRows,
} from './demo-seed.queries';

export { DEMO_SEED_LOCK_ID } from './demo-seed.queries';

export interface SeedOutcome {
  seeded: boolean;
  /** One line for the log. */
  summary: string;
}

/** The ids the seed gave the plan's keys so far. */
interface SeedIds {
  userId: (key: string) => string;
  teamId: (key: string) => string;
}

function lookup(ids: Map<string, string>, what: string): (key: string) => string {
  return (key) => {
    const id = ids.get(key);
    if (!id) throw new Error(`The demo seed has no ${what} ${key} yet.`);
    return id;
  };
}

function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${n} ${v}`).join(', ');
}

/**
 * The history's rows: each rotation's request (approved by the line manager,
 * then the host), its placement, its check-ins as booking lays them out with
 * the programme's policy, all filed, the host's assessment and midpoint
 * feedback. Written directly, not through the placement effects: rotations
 * that ended long ago need no invites, emails or reminders.
 */
function historyRows(plan: DemoPlan, ids: SeedIds, policy: Policy, now: Date): HistoryRows {
  const users = new Map(plan.users.map((u) => [u.key, u]));
  const teams = new Map(plan.teams.map((t) => [t.key, t]));
  const calendars = new Map<string, HolidayCalendar>();
  const rows: HistoryRows = {
    requests: [],
    approvals: [],
    placements: [],
    checkIns: [],
    assessments: [],
    feedback: [],
  };
  for (const h of plan.history) {
    const { request: r, placement: p, outcome } = h;
    const pm = users.get(p.pmKey);
    const team = teams.get(p.teamKey);
    if (!pm?.managerKey || !team) throw new Error(`The demo history's ${p.key} has no PM, line manager or team.`);
    let isHoliday = calendars.get(team.key);
    if (!isHoliday) {
      isHoliday = createHolidayCalendar(team.holidayCountry);
      calendars.set(team.key, isHoliday);
    }
    const requestId = randomUUID();
    const placementId = randomUUID();
    const pmId = ids.userId(pm.key);
    const teamId = ids.teamId(team.key);
    const hostId = ids.userId(team.managerKey);
    const lineManagerId = ids.userId(pm.managerKey);
    rows.requests.push({
      id: requestId,
      pmId,
      teamId,
      startDate: r.startDate,
      endDate: r.endDate,
      durationWeeks: r.durationWeeks,
      goals: r.goals,
      motivation: r.motivation,
      createdAt: r.createdAt,
      pendingSince: r.pendingSince,
      updatedAt: r.updatedAt,
      placementId,
    });
    for (const a of r.approvals)
      rows.approvals.push({
        requestId,
        step: a.step,
        decision: a.decision,
        byId: ids.userId(a.byKey),
        comment: a.comment,
        at: a.at,
      });
    rows.placements.push({
      id: placementId,
      requestId,
      pmId,
      teamId,
      startDate: p.startDate,
      endDate: p.endDate,
      durationWeeks: p.durationWeeks,
      createdAt: p.bookedAt,
    });
    const layout = layOutHistoryCheckIns(h, policy, pm.timezone, isHoliday, now, CHECK_IN_NOTES.weekly);
    for (const c of layout.checkIns) {
      const id = randomUUID();
      rows.checkIns.push({
        id,
        placementId,
        kind: c.kind,
        dueDate: c.dueDate,
        scheduledAt: c.scheduledAt,
        completedAt: c.completedAt,
        ratings: c.ratings,
        notes: c.notes,
        completedBy: c.filedBy === 'pm' ? pmId : c.filedBy === 'lineManager' ? lineManagerId : null,
        wouldSendAgain: c.wouldSendAgain,
        goalOutcomes: c.goalOutcomes,
        createdAt: p.bookedAt,
      });
      if (c.kind === 'final' && layout.assessedAt)
        rows.assessments.push({
          checkInId: id,
          byId: hostId,
          ratings: outcome.host,
          notes: outcome.hostNotes,
          at: layout.assessedAt,
        });
      if (c.kind === 'midpoint' && layout.feedbackAt)
        rows.feedback.push({ checkInId: id, byId: hostId, text: outcome.feedback, at: layout.feedbackAt });
    }
  }
  return rows;
}

/** "1 week 12, 2 weeks 22, …": the history's rotations per length. */
function byLength(plan: DemoPlan): string {
  const counts = new Map<number, number>();
  for (const h of plan.history) counts.set(h.placement.durationWeeks, (counts.get(h.placement.durationWeeks) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => a[0] - b[0])
    .map(([weeks, n]) => `${weeks} ${weeks === 1 ? 'week' : 'weeks'} ${n}`)
    .join(', ');
}

const PHASE_STATUS: Record<DemoPlacement['phase'], string> = {
  past: 'completed',
  current: 'active',
  future: 'scheduled',
  cancelled: 'cancelled',
};

/**
 * Fills an empty programme with a demo one laid out around today: managers,
 * PMs, teams, blackouts, and rotations in every state, booked through the
 * same placement effects as real bookings so check-ins appear with them.
 * The SQL is in demo-seed.queries.ts.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(PLACEMENT_EFFECTS) private readonly effects: PlacementEffects,
  ) {}

  /** Seeds only while there is no team at all; safe to call from every process at start. */
  async seedIfEmpty(): Promise<SeedOutcome> {
    // Cheap check first, so a seeded programme costs no bcrypt hash.
    if (await hasTeams(this.db.manager))
      return { seeded: false, summary: 'Demo seed skipped: the programme already has teams.' };

    const now = this.clock.now();
    const plan = demoPlan(todayIn('UTC', now));
    // One hash for every demo user: bcrypt is slow on purpose.
    const passwordHash = await hashPassword(DEMO_PASSWORD);

    const outcome = await this.tx.run(async (m): Promise<SeedOutcome> => {
      await lockSeeding(m);
      if (await hasTeams(m))
        return { seeded: false, summary: 'Demo seed skipped: another process seeded the programme first.' };
      const taken = await takenEmails(
        m,
        plan.users.map((u) => u.email),
      );
      if (taken.length > 0) {
        return {
          seeded: false,
          summary: `Demo seed skipped: ${taken.length} demo user(s) already exist (${taken.join(', ')}).`,
        };
      }
      return this.insertPlan(m, plan, passwordHash, now);
    });
    this.logger.log(outcome.summary);
    return outcome;
  }

  private async insertPlan(m: EntityManager, plan: DemoPlan, passwordHash: string, now: Date): Promise<SeedOutcome> {
    const userIds = new Map<string, string>();
    const teamIds = new Map<string, string>();
    const ids: SeedIds = { userId: lookup(userIds, 'user'), teamId: lookup(teamIds, 'team') };
    const since = plan.programmeStartedAt;

    // Managers come first in the plan, so line managers exist before their reports.
    for (const u of plan.users) {
      const managerId = u.managerKey ? ids.userId(u.managerKey) : null;
      userIds.set(u.key, await insertUser(m, u, managerId, passwordHash, since));
    }
    for (const t of plan.teams) teamIds.set(t.key, await insertTeam(m, t, ids.userId(t.managerKey), since));
    for (const b of plan.blackouts) await insertBlackout(m, b, b.teamKey ? ids.teamId(b.teamKey) : null, since);

    const overdueHours = await overdueAfterHours(m);
    for (const r of plan.requests) {
      const requestId = await insertRequest(m, r, ids.userId(r.pmKey), ids.teamId(r.teamKey));
      for (const a of r.approvals) await insertApproval(m, requestId, a, ids.userId(a.byKey));
      const placement = plan.placements.find((p) => p.requestKey === r.key);
      const host = plan.teams.find((t) => t.key === r.teamKey);
      const lineManagerKey = plan.users.find((u) => u.key === r.pmKey)?.managerKey;
      if (placement && host && lineManagerKey) {
        const parties = { hostId: ids.userId(host.managerKey), lineManagerId: ids.userId(lineManagerKey) };
        await this.book(m, placement, requestId, ids, parties, now, overdueHours);
      }
    }
    await insertHistory(m, historyRows(plan, ids, await loadPolicy(m), now));
    const audited = await recordDemoAudit(m, now);

    const totals = await checkInTotals(m, now, overdueHours);
    const managers = plan.users.filter((u) => u.role === 'manager').length;
    const pms = plan.users.length - managers;
    const summary =
      `Seeded the demo programme: ${managers} managers and ${pms} PMs (password ${DEMO_PASSWORD}, e.g. ${plan.users[0]?.email ?? ''}), ` +
      `${plan.teams.length} teams, ${plan.blackouts.length} blackouts, ` +
      `${plan.requests.length} requests (${tally(plan.requests.map((r) => r.status))}), ` +
      `${plan.placements.length} placements (${tally(plan.placements.map((p) => PHASE_STATUS[p.phase]))}), ` +
      `and a history of ${plan.history.length} finished rotations over two years (by length: ${byLength(plan)}); ` +
      `${totals.total} check-ins (${totals.completed} completed, ${totals.overdue} overdue); ${audited} audit entries.`;
    return { seeded: true, summary };
  }

  /**
   * A host approval's effects: the placement, the request linked to it, the
   * lifecycle hook; then what happened since: a cancellation, and the
   * check-ins already due filed (the host answering the midpoint and
   * assessing at the final, the line manager giving the pulse).
   */
  private async book(
    m: EntityManager,
    p: DemoPlacement,
    requestId: string,
    ids: SeedIds,
    { hostId, lineManagerId }: { hostId: string; lineManagerId: string },
    now: Date,
    overdueHours: number,
  ): Promise<void> {
    const placementId = await insertPlacement(m, p, requestId, ids.userId(p.pmKey), ids.teamId(p.teamKey));
    const placement = await m.findOneByOrFail(PlacementEntity, { id: placementId });
    const request = await m.findOneByOrFail(RotationRequestEntity, { id: requestId });
    await this.effects.booked(m, placement, request, []);

    if (p.cancellation) {
      await cancelPlacement(m, placementId, p.cancellation, ids.userId(p.cancellation.byKey));
      await this.effects.cancelled(m, await m.findOneByOrFail(PlacementEntity, { id: placementId }));
      // Whatever the hook did, nothing of a cancelled placement stays open.
      await cancelOpenCheckIns(m, placementId, p.cancellation.at);
    }

    if (p.checkIns) {
      const pmId = ids.userId(p.pmKey);
      await completeDueCheckIns(m, placementId, pmId, p.checkIns, now, overdueHours);
      await answerMidpoints(m, placementId, hostId, p.checkIns.feedback, now);
      await assessFinal(m, placementId, hostId, p.checkIns, now);
      if (!p.checkIns.leavePulseOpen) await giveDuePulse(m, placementId, lineManagerId, p.checkIns, now);
    }
  }
}
