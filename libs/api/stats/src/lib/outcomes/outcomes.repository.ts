import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser, managedCheckInsSql, PLACEMENT_ALIASES, visibleRotationsSql } from '@stint/api-core';
import type { RotationOutcome } from '@stint/contracts';
import { DataSource } from 'typeorm';

export interface OutcomeFilter {
  from: string | null;
  to: string | null;
  teamId: string | null;
  region: string | null;
}

/** A check-in's ratings as one object: the core columns and any added skill, or null while it is not done. */
const ratings = (alias: string) =>
  `CASE WHEN ${alias}.completed_at IS NOT NULL THEN jsonb_build_object('negotiation', ${alias}.rating_negotiation,
     'closing', ${alias}.rating_closing, 'persistence', ${alias}.rating_persistence) || ${alias}.extra_ratings END`;

/** The live placements the caller can see ($1), within the filters ($2–$5); `p` placements, `pm` users, `t` teams. */
const visible = (scope: string) => `p.cancelled_at IS NULL AND ${scope}
     AND ($2::date IS NULL OR p.end_date >= $2::date) AND ($3::date IS NULL OR p.start_date <= $3::date)
     AND ($4::uuid IS NULL OR p.team_id = $4::uuid) AND ($5::text IS NULL OR t.region = $5::text)`;

/**
 * Every live placement the caller can see, with its three viewpoints: the
 * kickoff and final self-ratings, the host's assessment and the line
 * manager's pulse. One query; the kind index finds each check-in.
 */
const OUTCOMES_SQL = (scope: string, caller: AuthenticatedUser) => `
  SELECT p.id AS "placementId", pm.name AS "pmName", t.name AS "teamName", t.region,
         to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", to_char(p.end_date, 'YYYY-MM-DD') AS "endDate",
         p.duration_weeks AS "durationWeeks", fi.completed_at IS NOT NULL AS finished,
         ${ratings('ko')} AS kickoff, ${ratings('fi')} AS final, a.ratings AS host, ${ratings('pu')} AS pulse,
         CASE WHEN pu.completed_at IS NOT NULL THEN pu.would_send_again END AS "wouldSendAgain",
         fi.goal_outcomes AS "goalOutcomes"
    FROM placements p
    JOIN users pm ON pm.id = p.pm_id
    JOIN teams t ON t.id = p.team_id
    LEFT JOIN check_ins ko ON ko.placement_id = p.id AND ko.kind = 'kickoff'${managedCheckInsSql(caller, 1, 'ko')}
    LEFT JOIN check_ins fi ON fi.placement_id = p.id AND fi.kind = 'final'${managedCheckInsSql(caller, 1, 'fi')}
    LEFT JOIN check_ins pu ON pu.placement_id = p.id AND pu.kind = 'pulse'${managedCheckInsSql(caller, 1, 'pu')}
    LEFT JOIN check_in_assessments a ON a.check_in_id = fi.id
   WHERE ${visible(scope)}`;

/** The evidence behind `/api/stats/outcomes`. */
@Injectable()
export class OutcomesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every visible rotation's evidence (the report aggregates them all). */
  all(caller: AuthenticatedUser, filter: OutcomeFilter): Promise<RotationOutcome[]> {
    return this.db.query(
      `${OUTCOMES_SQL(visibleRotationsSql(caller, 1, PLACEMENT_ALIASES), caller)} ORDER BY p.start_date, p.id`,
      this.params(caller, filter),
    );
  }

  /** One page of them, newest first, and how many there are. */
  async page(
    caller: AuthenticatedUser,
    filter: OutcomeFilter,
    offset: number,
    limit: number,
  ): Promise<[RotationOutcome[], number]> {
    const scope = visibleRotationsSql(caller, 1, PLACEMENT_ALIASES);
    const params = this.params(caller, filter);
    const [rows, count] = await Promise.all([
      this.db.query(`${OUTCOMES_SQL(scope, caller)} ORDER BY p.start_date DESC, p.id LIMIT $6 OFFSET $7`, [
        ...params,
        limit,
        offset,
      ]),
      this.db.query(
        `SELECT count(*)::int AS n FROM placements p JOIN users pm ON pm.id = p.pm_id JOIN teams t ON t.id = p.team_id
          WHERE ${visible(scope)}`,
        params,
      ),
    ]);
    return [rows as RotationOutcome[], (count as Array<{ n: number }>)[0]?.n ?? 0];
  }

  private params(caller: AuthenticatedUser, f: OutcomeFilter): unknown[] {
    return [caller.id, f.from, f.to, f.teamId, f.region];
  }
}
