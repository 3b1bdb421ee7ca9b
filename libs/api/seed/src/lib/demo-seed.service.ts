import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashPassword } from '@stint/api-auth';
import { PlacementEntity, RotationRequestEntity } from '@stint/api-booking';
import { Clock, PLACEMENT_EFFECTS, PlacementEffects, TransactionRunner } from '@stint/api-core';
import { todayIn } from '@stint/scheduling';
import type { DataSource, EntityManager } from 'typeorm';
import {
  CHECK_IN_NOTES,
  DEMO_PASSWORD,
  demoPlan,
  type DemoCheckInStory,
  type DemoPlacement,
  type DemoPlan,
} from './demo-plan';

/** Arbitrary constant (next to the migrations' 7370001): serialises seeding across processes. */
export const DEMO_SEED_LOCK_ID = 7_370_002;

export interface SeedOutcome {
  seeded: boolean;
  /** One line for the log. */
  summary: string;
}

interface CheckInTotals {
  total: number;
  completed: number;
  overdue: number;
}

async function insertReturningId(m: EntityManager, sql: string, params: unknown[]): Promise<string> {
  const rows: Array<{ id: string }> = await m.query(sql, params);
  const id = rows[0]?.id;
  if (!id) throw new Error(`The demo seed inserted no row: ${sql.slice(0, 60)}`);
  return id;
}

async function hasTeams(m: EntityManager): Promise<boolean> {
  const rows: Array<{ found: boolean }> = await m.query(`SELECT EXISTS (SELECT 1 FROM teams) AS found`);
  return rows[0]?.found === true;
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
    const lifecycle = this.effects;

    const outcome = await this.tx.run(async (m): Promise<SeedOutcome> => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [DEMO_SEED_LOCK_ID]);
      if (await hasTeams(m))
        return { seeded: false, summary: 'Demo seed skipped: another process seeded the programme first.' };
      const taken: Array<{ email: string }> = await m.query(
        `SELECT email::text AS email FROM users WHERE email = ANY($1::citext[]) ORDER BY email`,
        [plan.users.map((u) => u.email)],
      );
      if (taken.length > 0) {
        return {
          seeded: false,
          summary: `Demo seed skipped: ${taken.length} demo user(s) already exist (${taken.map((t) => t.email).join(', ')}).`,
        };
      }
      return this.insertPlan(m, plan, passwordHash, lifecycle, now);
    });
    this.logger.log(outcome.summary);
    return outcome;
  }

  private async insertPlan(
    m: EntityManager,
    plan: DemoPlan,
    passwordHash: string,
    lifecycle: PlacementEffects,
    now: Date,
  ): Promise<SeedOutcome> {
    const userIds = new Map<string, string>();
    const teamIds = new Map<string, string>();
    const userId = (key: string): string => {
      const id = userIds.get(key);
      if (!id) throw new Error(`The demo seed has no user ${key} yet.`);
      return id;
    };
    const teamId = (key: string): string => {
      const id = teamIds.get(key);
      if (!id) throw new Error(`The demo seed has no team ${key}.`);
      return id;
    };

    // Managers come first in the plan, so line managers exist before their reports.
    for (const u of plan.users) {
      userIds.set(
        u.key,
        await insertReturningId(
          m,
          `INSERT INTO users (email, name, role, manager_id, timezone, password_hash, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
          [
            u.email,
            u.name,
            u.role,
            u.managerKey ? userId(u.managerKey) : null,
            u.timezone,
            passwordHash,
            plan.programmeStartedAt,
          ],
        ),
      );
    }
    for (const t of plan.teams) {
      teamIds.set(
        t.key,
        await insertReturningId(
          m,
          `INSERT INTO teams (name, region, segment, manager_id, capacity, timezone, holiday_country, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
          [
            t.name,
            t.region,
            t.segment,
            userId(t.managerKey),
            t.capacity,
            t.timezone,
            t.holidayCountry,
            plan.programmeStartedAt,
          ],
        ),
      );
    }
    for (const b of plan.blackouts) {
      await m.query(
        `INSERT INTO blackouts (team_id, starts_on, ends_on, reason, created_at) VALUES ($1, $2, $3, $4, $5)`,
        [b.teamKey ? teamId(b.teamKey) : null, b.startsOn, b.endsOn, b.reason, plan.programmeStartedAt],
      );
    }

    const policy: Array<{ overdue: number }> = await m.query(
      `SELECT overdue_after_hours AS overdue FROM policy WHERE id = 1`,
    );
    const overdueAfterHours = policy[0]?.overdue ?? 48;

    for (const r of plan.requests) {
      const requestId = await insertReturningId(
        m,
        `INSERT INTO rotation_requests (pm_id, team_id, start_date, end_date, duration_weeks, goals, motivation, status, created_by, created_at, updated_at, pending_since)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $1, $9, $10, $11) RETURNING id`,
        [
          userId(r.pmKey),
          teamId(r.teamKey),
          r.startDate,
          r.endDate,
          r.durationWeeks,
          JSON.stringify(r.goals),
          r.motivation,
          r.status,
          r.createdAt,
          r.updatedAt,
          r.pendingSince,
        ],
      );
      for (const a of r.approvals) {
        await m.query(
          `INSERT INTO request_approvals (request_id, step, decision, by_id, comment, at) VALUES ($1, $2, $3, $4, $5, $6)`,
          [requestId, a.step, a.decision, userId(a.byKey), a.comment, a.at],
        );
      }
      const placement = plan.placements.find((p) => p.requestKey === r.key);
      const host = plan.teams.find((t) => t.key === r.teamKey);
      if (placement && host)
        await this.book(
          m,
          placement,
          requestId,
          { userId, teamId, hostId: userId(host.managerKey) },
          lifecycle,
          now,
          overdueAfterHours,
        );
    }

    const totals = await this.checkInTotals(m, now, overdueAfterHours);
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

  /** A host approval's effects: the placement, the request linked to it, the lifecycle hook; then what happened since. */
  private async book(
    m: EntityManager,
    p: DemoPlacement,
    requestId: string,
    ids: { userId: (key: string) => string; teamId: (key: string) => string; hostId: string },
    lifecycle: PlacementEffects,
    now: Date,
    overdueAfterHours: number,
  ): Promise<void> {
    const placementId = await insertReturningId(
      m,
      `INSERT INTO placements (request_id, pm_id, team_id, start_date, end_date, duration_weeks, sequence, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $7) RETURNING id`,
      [requestId, ids.userId(p.pmKey), ids.teamId(p.teamKey), p.startDate, p.endDate, p.durationWeeks, p.bookedAt],
    );
    await m.query(`UPDATE rotation_requests SET placement_id = $2 WHERE id = $1`, [requestId, placementId]);
    const placement = await m.findOneByOrFail(PlacementEntity, { id: placementId });
    const request = await m.findOneByOrFail(RotationRequestEntity, { id: requestId });
    await lifecycle.booked(m, placement, request);

    if (p.cancellation) {
      await m.query(
        `UPDATE placements SET cancelled_at = $2, cancelled_reason = $3, cancelled_by = $4, sequence = sequence + 1, updated_at = $2 WHERE id = $1`,
        [placementId, p.cancellation.at, p.cancellation.reason, ids.userId(p.cancellation.byKey)],
      );
      await lifecycle.cancelled(m, await m.findOneByOrFail(PlacementEntity, { id: placementId }));
      // Whatever the hook did, nothing of a cancelled placement stays open.
      await m.query(
        `UPDATE check_ins SET cancelled_at = $2, updated_at = $2 WHERE placement_id = $1 AND completed_at IS NULL AND cancelled_at IS NULL`,
        [placementId, p.cancellation.at],
      );
    }

    if (p.checkIns) await this.fileCheckIns(m, placementId, p.checkIns, ids.hostId, now, overdueAfterHours);
  }

  /**
   * Completes the check-ins already due, two hours after each was scheduled,
   * with ratings growing from the story's `from` to its `to` across the
   * placement's cadence. With `leaveOverdue`, the latest check-in past the
   * overdue threshold and everything after it stay open. Updates nothing
   * while no check-ins were laid out.
   */
  private async fileCheckIns(
    m: EntityManager,
    placementId: string,
    story: DemoCheckInStory,
    hostId: string,
    now: Date,
    overdueAfterHours: number,
  ): Promise<void> {
    await m.query(
      `WITH planned AS (
         SELECT id, kind, scheduled_at,
                row_number() OVER (ORDER BY scheduled_at, id) AS n,
                count(*) OVER () AS total
           FROM check_ins
          WHERE placement_id = $1 AND cancelled_at IS NULL
       ), missed AS (
         SELECT max(scheduled_at) AS at FROM planned
          WHERE $2::boolean AND scheduled_at < $3::timestamptz - make_interval(hours => $4::int)
       )
       UPDATE check_ins c
          SET completed_at = p.scheduled_at + interval '2 hours',
              rating_negotiation = round($5::numeric + ($6::numeric - $5::numeric) * (p.n - 1) / greatest(p.total - 1, 1)),
              rating_closing = round($7::numeric + ($8::numeric - $7::numeric) * (p.n - 1) / greatest(p.total - 1, 1)),
              rating_persistence = round($9::numeric + ($10::numeric - $9::numeric) * (p.n - 1) / greatest(p.total - 1, 1)),
              notes = CASE p.kind
                        WHEN 'kickoff' THEN $11::text
                        WHEN 'weekly' THEN ($12::text[])[((p.n + $13::int) % array_length($12::text[], 1)) + 1]
                        WHEN 'midpoint' THEN $14::text
                        WHEN 'final' THEN $15::text
                        ELSE $16::text
                      END,
              updated_at = p.scheduled_at + interval '2 hours'
         FROM planned p, missed
        WHERE c.id = p.id
          AND c.completed_at IS NULL
          AND p.scheduled_at + interval '2 hours' <= $3::timestamptz
          AND (missed.at IS NULL OR p.scheduled_at < missed.at)`,
      [
        placementId,
        story.leaveOverdue,
        now.toISOString(),
        overdueAfterHours,
        story.from.negotiation,
        story.to.negotiation,
        story.from.closing,
        story.to.closing,
        story.from.persistence,
        story.to.persistence,
        CHECK_IN_NOTES.kickoff[0] ?? '',
        CHECK_IN_NOTES.weekly,
        story.noteOffset,
        CHECK_IN_NOTES.midpoint[0] ?? '',
        CHECK_IN_NOTES.final[0] ?? '',
        CHECK_IN_NOTES.follow_up[0] ?? '',
      ],
    );
    // The host manager answers a filed midpoint the next day.
    await m.query(
      `INSERT INTO check_in_feedback (check_in_id, by_id, text, at)
       SELECT id, $2, $3, completed_at + interval '1 day' FROM check_ins
        WHERE placement_id = $1 AND kind = 'midpoint' AND completed_at IS NOT NULL AND completed_at + interval '1 day' <= $4::timestamptz`,
      [placementId, hostId, story.feedback, now.toISOString()],
    );
  }

  private async checkInTotals(m: EntityManager, now: Date, overdueAfterHours: number): Promise<CheckInTotals> {
    const rows: CheckInTotals[] = await m.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE completed_at IS NOT NULL)::int AS completed,
              count(*) FILTER (WHERE completed_at IS NULL AND cancelled_at IS NULL
                                 AND scheduled_at < $1::timestamptz - make_interval(hours => $2::int))::int AS overdue
         FROM check_ins`,
      [now.toISOString(), overdueAfterHours],
    );
    return rows[0] ?? { total: 0, completed: 0, overdue: 0 };
  }
}
