import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashPassword } from '@stint/api-auth';
import { PlacementEntity, RotationRequestEntity } from '@stint/api-booking';
import { Clock, PLACEMENT_EFFECTS, PlacementEffects, TransactionRunner } from '@stint/api-core';
import { todayIn } from '@stint/shared-dates';
import type { DataSource, EntityManager } from 'typeorm';
import { DEMO_PASSWORD, demoPlan, type DemoPlacement, type DemoPlan } from './demo-plan';
import {
  answerMidpoints,
  cancelOpenCheckIns,
  cancelPlacement,
  checkInTotals,
  completeDueCheckIns,
  hasTeams,
  insertApproval,
  insertBlackout,
  insertPlacement,
  insertRequest,
  insertTeam,
  insertUser,
  lockSeeding,
  overdueAfterHours,
  takenEmails,
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
      if (placement && host) {
        await this.book(m, placement, requestId, ids, ids.userId(host.managerKey), now, overdueHours);
      }
    }

    const totals = await checkInTotals(m, now, overdueHours);
    const managers = plan.users.filter((u) => u.role === 'manager').length;
    const pms = plan.users.length - managers;
    const summary =
      `Seeded the demo programme: ${managers} managers and ${pms} PMs (password ${DEMO_PASSWORD}, e.g. ${plan.users[0]?.email ?? ''}), ` +
      `${plan.teams.length} teams, ${plan.blackouts.length} blackouts, ` +
      `${plan.requests.length} requests (${tally(plan.requests.map((r) => r.status))}), ` +
      `${plan.placements.length} placements (${tally(plan.placements.map((p) => PHASE_STATUS[p.phase]))}), ` +
      `${totals.total} check-ins (${totals.completed} completed, ${totals.overdue} overdue).`;
    return { seeded: true, summary };
  }

  /**
   * A host approval's effects: the placement, the request linked to it, the
   * lifecycle hook; then what happened since: a cancellation, and the
   * check-ins already due filed (the host answering the midpoint).
   */
  private async book(
    m: EntityManager,
    p: DemoPlacement,
    requestId: string,
    ids: SeedIds,
    hostId: string,
    now: Date,
    overdueHours: number,
  ): Promise<void> {
    const placementId = await insertPlacement(m, p, requestId, ids.userId(p.pmKey), ids.teamId(p.teamKey));
    const placement = await m.findOneByOrFail(PlacementEntity, { id: placementId });
    const request = await m.findOneByOrFail(RotationRequestEntity, { id: requestId });
    await this.effects.booked(m, placement, request);

    if (p.cancellation) {
      await cancelPlacement(m, placementId, p.cancellation, ids.userId(p.cancellation.byKey));
      await this.effects.cancelled(m, await m.findOneByOrFail(PlacementEntity, { id: placementId }));
      // Whatever the hook did, nothing of a cancelled placement stays open.
      await cancelOpenCheckIns(m, placementId, p.cancellation.at);
    }

    if (p.checkIns) {
      await completeDueCheckIns(m, placementId, p.checkIns, now, overdueHours);
      await answerMidpoints(m, placementId, hostId, p.checkIns.feedback, now);
    }
  }
}
