import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  asQuery,
  AuthenticatedUser,
  FiguresCache,
  managedCheckIns,
  namedStatement,
  pageIdsQuery,
  PageTotal,
  pageTotal,
  PageWindow,
  PLACEMENT_ALIASES,
  SQL_ISO,
  visibleRotations,
} from '@stint/api-core';
import type { CheckIn, CheckInStatus } from '@stint/contracts';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CheckInEntity, CheckInFeedbackEntity } from '../check-in.entity';

export interface CheckInFilter {
  placementId?: string;
  status?: CheckInStatus;
  from?: string;
  to?: string;
}

/** Who stands around a check-in's placement: what access to the check-in depends on. */
export interface PlacementPeople {
  pm_id: string;
  /** The PM's IANA time zone: a check-in's day (due_date) is a day on their calendar. */
  pm_timezone: string;
  team_id: string;
  line: string | null;
  host: string;
  cancelled: boolean;
  /** The learning goals of the request behind the placement. */
  goals: string[];
}

/** The check-in list's order: by time, the id breaking ties. */
const BY_TIME: Array<[string, 'ASC' | 'DESC']> = [
  ['c.scheduled_at', 'ASC'],
  ['c.id', 'ASC'],
];

/**
 * A check-in (`c`, its placement `p`, PM `pm`, team `t` and feedback `fb` joined) as the API answers it, built in SQL: the one
 * definition of the answer, for a page, a single check-in and a placement's check-ins alike, so that any number of
 * them is one statement and reaches the API as one JSON value (no entities, no dates parsed). `now` and `hours` are
 * the placeholders of the moment read and the policy's overdue hours: the status is `checkInStatus`'s rule, as the
 * status filter in `page` writes it too. The ratings come out of jsonb (their keys in jsonb's order):
 * `inRatingsOrder` puts the core three first, as clients show them.
 */
function checkInJson(now: string, hours: string): string {
  return `json_build_object(
    'id', c.id, 'placementId', c.placement_id, 'kind', c.kind, 'scheduledAt', ${SQL_ISO('c.scheduled_at')},
    'status', CASE WHEN c.completed_at IS NOT NULL THEN 'completed' WHEN c.cancelled_at IS NOT NULL THEN 'cancelled'
                   WHEN ${now}::timestamptz > c.scheduled_at + make_interval(hours => ${hours}::int) THEN 'overdue'
                   ELSE 'upcoming' END,
    'completedAt', ${SQL_ISO('c.completed_at')},
    'ratings', CASE WHEN c.rating_negotiation IS NULL OR c.rating_closing IS NULL OR c.rating_persistence IS NULL THEN NULL
                    ELSE jsonb_build_object('negotiation', c.rating_negotiation, 'closing', c.rating_closing,
                                            'persistence', c.rating_persistence) || coalesce(c.extra_ratings, '{}'::jsonb) END,
    'notes', c.notes,
    'feedback', coalesce(fb.items, '[]'::json),
    'opensOn', to_char(c.due_date, 'YYYY-MM-DD'),
    'owner', CASE WHEN c.kind = 'pulse' THEN 'line_manager' ELSE 'pm' END,
    'wouldSendAgain', CASE WHEN c.kind = 'pulse' THEN c.would_send_again END,
    'goalOutcomes', CASE WHEN c.kind = 'final' THEN c.goal_outcomes END,
    'assessment', CASE WHEN c.kind = 'final' THEN
                    (SELECT json_build_object('byId', a.by_id, 'byName', u.name, 'ratings', a.ratings, 'notes', a.notes,
                                              'at', ${SQL_ISO('a.created_at')})
                       FROM check_in_assessments a JOIN users u ON u.id = a.by_id WHERE a.check_in_id = c.id) END,
    'pmName', pm.name, 'teamName', t.name::text, 'pmId', p.pm_id, 'teamId', p.team_id)`;
}

/**
 * Check-ins as the API answers them, earliest first: those named by id (`$1`), or those of the placements named
 * (`$1`). Named: planned once per connection (the JSON's expressions cost more to plan than to run for a page), and
 * the same plan whatever the ids (index look-ups).
 */
const VIEWS = {
  id: viewsWhere('c.id = ANY($1::uuid[])', '$1::uuid[]'),
  // The placements named on both sides, so that they are looked up by id, not scanned for the join.
  placement: viewsWhere(
    'c.placement_id = ANY($1::uuid[]) AND p.id = ANY($1::uuid[])',
    'ARRAY(SELECT id FROM check_ins WHERE placement_id = ANY($1::uuid[]))',
  ),
};

/**
 * `checkIns`: the same check-ins' ids as an array, for their feedback, which is read once for all of them and
 * grouped (one look-up of the feedback index, where a subquery per check-in started a scan for each).
 */
function viewsWhere(condition: string, checkIns: string) {
  return namedStatement(
    `SELECT coalesce(json_agg(${checkInJson('$2', '$3')} ORDER BY c.scheduled_at, c.id), '[]'::json) AS items
       FROM check_ins c JOIN placements p ON p.id = c.placement_id JOIN users pm ON pm.id = p.pm_id
       JOIN teams t ON t.id = p.team_id
       LEFT JOIN (SELECT f.check_in_id,
                         json_agg(json_build_object('byId', f.by_id, 'byName', u.name, 'text', f.text,
                                                    'at', ${SQL_ISO('f.at')}) ORDER BY f.at, f.id) AS items
                    FROM check_in_feedback f JOIN users u ON u.id = f.by_id
                   WHERE f.check_in_id = ANY(${checkIns})
                   GROUP BY f.check_in_id) fb ON fb.check_in_id = c.id
      WHERE ${condition}`,
  );
}

/** A check-in whose ratings were built in jsonb, with them in `ratingsOf`'s order: the core three, then the rest. */
function inRatingsOrder(c: CheckIn): CheckIn {
  if (!c.ratings) return c;
  const { negotiation, closing, persistence, ...added } = c.ratings;
  return { ...c, ratings: { negotiation, closing, persistence, ...added } };
}

/** Reads and writes of check-ins and their feedback beyond what the entity manager does alone. */
@Injectable()
export class CheckInsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly figures: FiguresCache,
  ) {}

  /** The manager for reads outside a transaction. */
  get manager(): EntityManager {
    return this.db.manager;
  }

  /**
   * One page of the check-ins the caller can see, by time, as the API answers them, and how many there are in
   * all: two statements whatever the page's size, its ids (from the nearest anchor, see `pageIdsQuery`), then
   * each check-in with its feedback, assessment and names built as JSON in SQL (`checkInJson`).
   */
  async page(
    caller: AuthenticatedUser,
    filter: CheckInFilter,
    window: PageWindow,
    now: Date,
    overdueAfterHours: number,
  ): Promise<[CheckIn[], PageTotal]> {
    const query = this.db.getRepository(CheckInEntity).createQueryBuilder('c');
    // Visibility is on the placement's own columns (PLACEMENT_ALIASES): an admin's list needs no join at all.
    if (caller.role !== 'admin') query.innerJoin('placements', 'p', 'p.id = c.placement_id');
    query.setParameter('now', now.toISOString()).setParameter('hours', overdueAfterHours);
    const visible = visibleRotations(caller, PLACEMENT_ALIASES);
    query.andWhere(visible.sql, visible.params);
    // A manager's check-ins also named by placement id (managedCheckIns says why): a deep page sorts their few
    // thousand check-ins instead of reading all of them.
    const managed = managedCheckIns(caller, 'c', 'managedViewer');
    query.andWhere(managed.sql, managed.params);
    if (filter.placementId) query.andWhere('c.placement_id = :placementId', { placementId: filter.placementId });
    if (filter.from) query.andWhere('c.scheduled_at >= CAST(:from AS date)', { from: filter.from });
    if (filter.to) query.andWhere(`c.scheduled_at < CAST(:to AS date) + 1`, { to: filter.to });
    // Written against the bare column, so the (scheduled_at, id) index can bound it.
    const overdueSince = `CAST(:now AS timestamptz) - make_interval(hours => CAST(:hours AS int))`;
    switch (filter.status) {
      case 'completed':
        query.andWhere('c.completed_at IS NOT NULL');
        break;
      case 'cancelled':
        query.andWhere('c.completed_at IS NULL AND c.cancelled_at IS NOT NULL');
        break;
      case 'overdue':
        query.andWhere(`c.completed_at IS NULL AND c.cancelled_at IS NULL AND c.scheduled_at < ${overdueSince}`);
        break;
      case 'upcoming':
        query.andWhere(`c.completed_at IS NULL AND c.cancelled_at IS NULL AND c.scheduled_at >= ${overdueSince}`);
        break;
    }
    const [items, total] = await Promise.all([
      this.pageItems(query, window, now, overdueAfterHours, caller),
      pageTotal(query, this.figures, caller),
    ]);
    return [items, total];
  }

  /** The page's ids (their query's text varies with the caller, filter and anchor), then the page itself. */
  private async pageItems(
    query: SelectQueryBuilder<CheckInEntity>,
    window: PageWindow,
    now: Date,
    overdueAfterHours: number,
    caller: AuthenticatedUser,
  ): Promise<CheckIn[]> {
    const ids = await pageIdsQuery(query, 'c', BY_TIME, window, { figures: this.figures, caller });
    const found: Array<{ id: string }> = await ids.getRawMany();
    // A second statement, so a check-in written between the two shows as it is by then (a page filtered by status
    // may show one that has just left that status, until the next read).
    return this.views(
      'id',
      found.map((r) => r.id),
      now,
      overdueAfterHours,
    );
  }

  /**
   * The check-ins with these ids, or those of these placements, as the API answers them, earliest first, in one
   * statement (`checkInJson`).
   */
  async views(by: keyof typeof VIEWS, ids: string[], now: Date, overdueAfterHours: number): Promise<CheckIn[]> {
    if (!ids.length) return [];
    const rows: Array<{ items: CheckIn[] }> = await this.db.query(asQuery(VIEWS[by]), [
      ids,
      now.toISOString(),
      overdueAfterHours,
    ]);
    return (rows[0]?.items ?? []).map(inRatingsOrder);
  }

  /** The feedback on one check-in, oldest first. */
  feedbackOf(checkInId: string): Promise<CheckInFeedbackEntity[]> {
    return this.db.getRepository(CheckInFeedbackEntity).find({ where: { checkInId }, order: { at: 'ASC' } });
  }

  /** The people around a placement, and whether it was cancelled. */
  async placementPeople(m: EntityManager, placementId: string): Promise<PlacementPeople | undefined> {
    const rows: PlacementPeople[] = await m.query(
      `SELECT p.pm_id, pm.timezone AS pm_timezone, p.team_id, pm.manager_id AS line, t.manager_id AS host,
              p.cancelled_at IS NOT NULL AS cancelled, r.goals
         FROM placements p JOIN users pm ON pm.id = p.pm_id JOIN teams t ON t.id = p.team_id
         JOIN rotation_requests r ON r.id = p.request_id
        WHERE p.id = $1`,
      [placementId],
    );
    return rows[0];
  }

  /** Whether the same manager wrote the same feedback on this check-in in the minute before `now` (a repeated submit). */
  async isRepeatedFeedback(
    m: EntityManager,
    checkInId: string,
    byId: string,
    text: string,
    now: Date,
  ): Promise<boolean> {
    const repeat: unknown[] = await m.query(
      `SELECT 1 FROM check_in_feedback WHERE check_in_id = $1 AND by_id = $2 AND text = $3 AND at > $4::timestamptz - interval '1 minute'`,
      [checkInId, byId, text, now.toISOString()],
    );
    return repeat.length > 0;
  }
}
