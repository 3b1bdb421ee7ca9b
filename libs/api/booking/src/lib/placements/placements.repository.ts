import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApiError,
  AuthenticatedUser,
  canSee,
  Clock,
  FiguresCache,
  PageTotal,
  pageTotal,
  PageWindow,
  Parties,
  PLACEMENT_PAGE_ALIASES,
  visibleRotations,
} from '@stint/api-core';
import type { PlacementStatus } from '@stint/contracts';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { PlacementEntity } from '../placement.entity';

export interface PlacementFilter {
  teamId?: string;
  pmId?: string;
  status?: PlacementStatus;
  from?: string;
  to?: string;
}

/** A placement with its team's time zone, by which its status is read. */
export interface PlacementRow extends PlacementEntity {
  timezone: string;
}

/** One line of the CSV export, before its status is derived. */
export type PlacementCsvRow = Record<string, string | number | null> & { timezone: string };

const CSV_COLUMNS = [
  'p.id AS id',
  'p.request_id AS "requestId"',
  'p.pm_id AS "pmId"',
  'pm.name AS "pmName"',
  'pm.email::text AS "pmEmail"',
  'p.team_id AS "teamId"',
  't.name::text AS "teamName"',
  `to_char(p.start_date, 'YYYY-MM-DD') AS "startDate"`,
  `to_char(p.end_date, 'YYYY-MM-DD') AS "endDate"`,
  'p.duration_weeks AS "durationWeeks"',
  'p.cancelled_at AS "cancelledAt"',
  'p.cancelled_reason AS "cancelledReason"',
  't.timezone AS timezone',
];

/** A placement's days as a range: the expression placements_dates_idx is built on. */
const DATES = `daterange(p.start_date, p.end_date, '[]')`;

/** Reads and writes of placements beyond what the entity manager does alone. */
@Injectable()
export class PlacementsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly figures: FiguresCache,
  ) {}

  /** The manager for reads outside a transaction. */
  get manager(): EntityManager {
    return this.db.manager;
  }

  /**
   * One page of the placements the caller can see, earliest first, and how
   * many there are (estimated past 10,000). The page's ids are chosen on
   * placements alone, walking the (start_date, id) index, so a deep page skips
   * index entries rather than joined rows; its rows are read by id in the same
   * statement.
   */
  async page(
    caller: AuthenticatedUser,
    filter: PlacementFilter,
    window: PageWindow,
  ): Promise<[PlacementRow[], PageTotal]> {
    const matching = this.visibleQuery(caller, filter, { people: false });
    const pageIds = matching
      .clone()
      .select('p.id', 'id')
      .orderBy('p.start_date', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .offset(window.offset)
      .limit(window.pageSize);
    const pageRows = this.db
      .getRepository(PlacementEntity)
      .createQueryBuilder('p')
      .innerJoin('teams', 't', 't.id = p.team_id')
      .addSelect('t.timezone', 'timezone')
      .where(`p.id IN (${pageIds.getQuery()})`)
      .setParameters(pageIds.getParameters())
      .orderBy('p.startDate', 'ASC')
      .addOrderBy('p.id', 'ASC');
    const [{ entities, raw }, total] = await Promise.all([
      pageRows.getRawAndEntities<{ timezone: string }>(),
      pageTotal(matching, this.figures, caller),
    ]);
    const rows = entities.map((e, i) => Object.assign(e, { timezone: raw[i]?.timezone ?? 'UTC' }) as PlacementRow);
    return [rows, total];
  }

  /** Rows `offset` to `offset + limit` of the CSV export of what the caller can see. */
  csvRows(
    caller: AuthenticatedUser,
    filter: PlacementFilter,
    offset: number,
    limit: number,
  ): Promise<PlacementCsvRow[]> {
    return this.visibleQuery(caller, filter)
      .select(CSV_COLUMNS)
      .orderBy('p.start_date', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getRawMany();
  }

  /**
   * The placement, with its team's time zone, and the people around it; 404
   * when there is none or the caller may not see it. With `lock`, its row lock.
   */
  async findVisible(
    m: EntityManager,
    caller: AuthenticatedUser,
    id: string,
    lock = false,
  ): Promise<{ placement: PlacementRow; parties: Parties }> {
    const placement = await m.findOne(PlacementEntity, {
      where: { id },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!placement) throw ApiError.notFound('placement', id);
    const rows: Array<{ line: string | null; host: string; timezone: string }> = await m.query(
      `SELECT (SELECT manager_id FROM users WHERE id = $1) AS line, t.manager_id AS host, t.timezone FROM teams t WHERE t.id = $2`,
      [placement.pmId, placement.teamId],
    );
    const parties: Parties = {
      pmId: placement.pmId,
      lineManagerId: rows[0]?.line ?? null,
      hostManagerId: rows[0]?.host ?? '',
    };
    if (!canSee(caller, parties)) throw ApiError.notFound('placement', id);
    return { placement: Object.assign(placement, { timezone: rows[0]?.timezone ?? 'UTC' }), parties };
  }

  /** Saves the placement itself, without the time zone read with it. */
  async save(m: EntityManager, row: PlacementRow): Promise<void> {
    const { timezone: _timezone, ...entity } = row;
    await m.save(PlacementEntity, entity as PlacementEntity);
  }

  /** The request mirrors its placement's dates, so lists of requests stay truthful. */
  async mirrorDatesOnRequest(m: EntityManager, placement: PlacementEntity): Promise<void> {
    await m.query(
      `UPDATE rotation_requests SET start_date = $2, end_date = $3, duration_weeks = $4, updated_at = now() WHERE id = $1`,
      [placement.requestId, placement.startDate, placement.endDate, placement.durationWeeks],
    );
  }

  /**
   * The placements the caller can see within the filter. With `people`, the PM
   * (`pm`) and team (`t`) are joined for their names; without, the team only
   * when a status needs its time zone (visibility is on the placement's own
   * columns, PLACEMENT_PAGE_ALIASES).
   */
  private visibleQuery(
    caller: AuthenticatedUser,
    filter: PlacementFilter,
    { people }: { people: boolean } = { people: true },
  ): SelectQueryBuilder<PlacementEntity> {
    const visible = visibleRotations(caller, PLACEMENT_PAGE_ALIASES);
    const now = this.clock.now().toISOString();
    const today = `(CAST(:now AS timestamptz) AT TIME ZONE t.timezone)::date`;
    const query = this.db.getRepository(PlacementEntity).createQueryBuilder('p');
    if (people) query.innerJoin('users', 'pm', 'pm.id = p.pm_id');
    if (people || (filter.status && filter.status !== 'cancelled')) {
      query.innerJoin('teams', 't', 't.id = p.team_id').addSelect('t.timezone', 'timezone');
    }
    query.where(visible.sql, visible.params).setParameter('now', now);
    if (filter.teamId) query.andWhere('p.team_id = :teamId', { teamId: filter.teamId });
    if (filter.pmId) query.andWhere('p.pm_id = :pmId', { pmId: filter.pmId });
    // Touching the window, in the form placements_dates_idx (GiST on the date range) answers; a missing bound is open.
    if (filter.from || filter.to) {
      query.andWhere(`${DATES} && daterange(CAST(:from AS date), CAST(:to AS date), '[]')`, {
        from: filter.from ?? null,
        to: filter.to ?? null,
      });
    }
    // A status is read on the team's calendar, whose today is within a day of UTC's. Each case adds that
    // superset on the bare columns, so an index narrows the rows before the exact per-zone test.
    const utc = `CAST(:now AS timestamptz) AT TIME ZONE 'UTC'`;
    switch (filter.status) {
      case 'cancelled':
        query.andWhere('p.cancelled_at IS NOT NULL');
        break;
      case 'scheduled':
        query.andWhere(`p.cancelled_at IS NULL AND p.start_date > (${utc})::date - 1 AND p.start_date > ${today}`);
        break;
      case 'active':
        query.andWhere(
          `p.cancelled_at IS NULL AND ${DATES} && daterange((${utc})::date - 1, (${utc})::date + 1, '[]')` +
            ` AND p.start_date <= ${today} AND p.end_date >= ${today}`,
        );
        break;
      case 'completed':
        query.andWhere(`p.cancelled_at IS NULL AND p.end_date < (${utc})::date + 1 AND p.end_date < ${today}`);
        break;
    }
    return query;
  }
}
