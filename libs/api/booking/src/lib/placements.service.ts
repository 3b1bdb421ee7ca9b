import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@stint/api-audit';
import {
  ApiError,
  AuthenticatedUser,
  Clock,
  PageWindow,
  PLACEMENT_CHECK_INS,
  PLACEMENT_EFFECTS,
  PlacementCheckIns,
  PlacementEffects,
  toPage,
  TransactionRunner,
} from '@stint/api-core';
import { canSee, Parties, visibleRotations } from '@stint/api-core';
import type { CheckIn, Page, Placement, PlacementStatus } from '@stint/contracts';
import { checkBooking, endDateFor, todayIn } from '@stint/scheduling';
import { DataSource, EntityManager, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import { loadBookingFacts, loadTeam, lockPm, namesFor } from './booking-facts';
import { PlacementEntity } from './placement.entity';
import { placementSnapshot } from './requests.service';
import { ruleError } from './rule-errors';
import { SlotsService } from './slots.service';

/** A placement's status is derived when read, by the team's calendar, so it is always true. */
export function placementStatus(
  p: { startDate: string; endDate: string; cancelledAt: Date | null },
  today: string,
): PlacementStatus {
  if (p.cancelledAt) return 'cancelled';
  if (today < p.startDate) return 'scheduled';
  if (today <= p.endDate) return 'active';
  return 'completed';
}

export interface PlacementFilter {
  teamId?: string;
  pmId?: string;
  status?: PlacementStatus;
  from?: string;
  to?: string;
}

interface PlacementRow extends PlacementEntity {
  timezone: string;
}

@Injectable()
export class PlacementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(PLACEMENT_EFFECTS) private readonly effects: PlacementEffects,
    @Inject(PLACEMENT_CHECK_INS) private readonly checkIns: PlacementCheckIns,
    private readonly slots: SlotsService,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  private visibleQuery(caller: AuthenticatedUser, filter: PlacementFilter): SelectQueryBuilder<PlacementEntity> {
    const visible = visibleRotations(caller);
    const now = this.clock.now().toISOString();
    const today = `(CAST(:now AS timestamptz) AT TIME ZONE t.timezone)::date`;
    const query = this.db
      .getRepository(PlacementEntity)
      .createQueryBuilder('p')
      .innerJoin('users', 'pm', 'pm.id = p.pm_id')
      .innerJoin('teams', 't', 't.id = p.team_id')
      .addSelect('t.timezone', 'timezone')
      .where(visible.sql, visible.params)
      .setParameter('now', now);
    if (filter.teamId) query.andWhere('p.team_id = :teamId', { teamId: filter.teamId });
    if (filter.pmId) query.andWhere('p.pm_id = :pmId', { pmId: filter.pmId });
    if (filter.from) query.andWhere('p.end_date >= :from', { from: filter.from });
    if (filter.to) query.andWhere('p.start_date <= :to', { to: filter.to });
    switch (filter.status) {
      case 'cancelled':
        query.andWhere('p.cancelled_at IS NOT NULL');
        break;
      case 'scheduled':
        query.andWhere(`p.cancelled_at IS NULL AND p.start_date > ${today}`);
        break;
      case 'active':
        query.andWhere(`p.cancelled_at IS NULL AND p.start_date <= ${today} AND p.end_date >= ${today}`);
        break;
      case 'completed':
        query.andWhere(`p.cancelled_at IS NULL AND p.end_date < ${today}`);
        break;
    }
    return query;
  }

  async list(caller: AuthenticatedUser, filter: PlacementFilter, window: PageWindow): Promise<Page<Placement>> {
    const query = this.visibleQuery(caller, filter).orderBy('p.startDate', 'ASC').addOrderBy('p.id', 'ASC');
    const total = await query.getCount();
    const { entities, raw } = await query
      .offset(window.offset)
      .limit(window.pageSize)
      .getRawAndEntities<{ timezone: string }>();
    const rows = entities.map((e, i) => Object.assign(e, { timezone: raw[i]?.timezone ?? 'UTC' }) as PlacementRow);
    const checkIns = await this.checkIns.checkInsFor(rows.map((r) => r.id));
    const names = await namesFor(
      this.db.manager,
      rows.map((r) => r.pmId),
      rows.map((r) => r.teamId),
    );
    return toPage(
      rows.map((r) => this.toDto(r, checkIns.get(r.id) ?? [], names)),
      total,
      window,
    );
  }

  async get(caller: AuthenticatedUser, id: string): Promise<Placement> {
    const { placement } = await this.loadVisible(this.db.manager, caller, id);
    const checkIns = await this.checkIns.checkInsFor([placement.id]);
    const names = await namesFor(this.db.manager, [placement.pmId], [placement.teamId]);
    return this.toDto(placement, checkIns.get(placement.id) ?? [], names);
  }

  async reschedule(
    caller: AuthenticatedUser,
    id: string,
    startDate: string,
    durationWeeks: number | undefined,
  ): Promise<Placement> {
    let fullDetails: Record<string, unknown> | null = null;
    let fullMessage = '';
    let target = { teamId: '', pmId: '', weeks: 0, requestId: '' };
    try {
      await this.tx.run(async (m) => {
        const { placement, parties } = await this.loadVisible(m, caller, id, true);
        this.assertTeamManager(caller, parties);
        const status = placementStatus(placement, todayIn(placement.timezone, this.clock.now()));
        if (status === 'cancelled' || status === 'completed') {
          throw ApiError.invalidState(`This placement is ${status}; it can no longer be moved.`, { status });
        }
        const weeks = durationWeeks ?? placement.durationWeeks;
        // Moving to where it already is (a repeated submit) changes nothing and sends no new invites.
        if (placement.startDate === startDate && placement.durationWeeks === weeks) return;
        const team = await loadTeam(m, placement.teamId, true);
        if (!team) throw ApiError.notFound('team', placement.teamId);
        await lockPm(m, placement.pmId);
        target = { teamId: team.id, pmId: placement.pmId, weeks, requestId: placement.requestId };
        const endDate = endDateFor(startDate, weeks);
        const facts = await loadBookingFacts(
          m,
          team,
          {
            from: startDate,
            to: endDate,
            pmId: placement.pmId,
            excludePlacementId: placement.id,
            excludeRequestId: placement.requestId,
          },
          this.clock.now(),
        );
        const violations = checkBooking(facts, { startDate, durationWeeks: weeks });
        if (violations.length) {
          const error = ruleError(violations);
          if (error.code === 'CAPACITY_FULL') {
            fullDetails = error.details;
            fullMessage = error.message;
          }
          throw error;
        }
        const before = { startDate: placement.startDate, endDate: placement.endDate };
        const beforeSnapshot = placementSnapshot(placement);
        Object.assign(placement, { startDate, endDate, durationWeeks: weeks, sequence: placement.sequence + 1 });
        await m.save(PlacementEntity, stripTimezone(placement));
        // The request mirrors the booked dates so lists of requests stay truthful.
        await m.query(
          `UPDATE rotation_requests SET start_date = $2, end_date = $3, duration_weeks = $4, updated_at = now() WHERE id = $1`,
          [placement.requestId, startDate, endDate, weeks],
        );
        await this.audit.record(m, {
          actorId: caller.id,
          action: 'placement.rescheduled',
          entityType: 'placement',
          entityId: id,
          before: beforeSnapshot,
          after: placementSnapshot(placement),
        });
        await this.effects.rescheduled(m, placement, before);
      });
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'placements_no_pm_overlap'
      ) {
        throw new ApiError(
          409,
          'PM_OVERLAP',
          'This PM already has another placement on some of these days; pick other dates.',
        );
      }
      if (fullDetails) {
        const suggestions = await this.slots.suggestFor(target.teamId, target.pmId, startDate, target.weeks, {
          excludePlacementId: id,
          excludeRequestId: target.requestId,
        });
        throw new ApiError(
          409,
          'CAPACITY_FULL',
          `${fullMessage} The placement keeps its dates; see details.suggestions.`,
          { ...(fullDetails as object), suggestions },
        );
      }
      throw error;
    }
    return this.get(caller, id);
  }

  async cancel(caller: AuthenticatedUser, id: string, reason: string): Promise<Placement> {
    await this.tx.run(async (m) => {
      const { placement, parties } = await this.loadVisible(m, caller, id, true);
      this.assertTeamManager(caller, parties);
      const status = placementStatus(placement, todayIn(placement.timezone, this.clock.now()));
      if (status === 'cancelled' || status === 'completed') {
        throw ApiError.invalidState(`This placement is ${status}; it cannot be cancelled.`, { status });
      }
      const before = placementSnapshot(placement);
      Object.assign(placement, {
        cancelledAt: this.clock.now(),
        cancelledReason: reason,
        cancelledBy: caller.id,
        sequence: placement.sequence + 1,
      });
      await m.save(PlacementEntity, stripTimezone(placement));
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'placement.cancelled',
        entityType: 'placement',
        entityId: id,
        before,
        after: placementSnapshot(placement),
      });
      await this.effects.cancelled(m, placement);
    });
    return this.get(caller, id);
  }

  /** CSV of the placements the caller can see, in pages of 1,000 so memory stays flat. */
  async *csv(caller: AuthenticatedUser, filter: PlacementFilter): AsyncGenerator<string> {
    yield 'id,requestId,pmId,pmName,pmEmail,teamId,teamName,startDate,endDate,durationWeeks,status,cancelledReason\n';
    const pageSize = 1000;
    for (let offset = 0; ; offset += pageSize) {
      const rows: Array<Record<string, string | number | null> & { timezone: string }> = await this.visibleQuery(
        caller,
        filter,
      )
        .select([
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
        ])
        .orderBy('p.start_date', 'ASC')
        .addOrderBy('p.id', 'ASC')
        .offset(offset)
        .limit(pageSize)
        .getRawMany();
      for (const r of rows) {
        const status = placementStatus(
          {
            startDate: String(r['startDate']),
            endDate: String(r['endDate']),
            cancelledAt: r['cancelledAt'] ? new Date(String(r['cancelledAt'])) : null,
          },
          todayIn(r.timezone, this.clock.now()),
        );
        const cells = [
          r['id'],
          r['requestId'],
          r['pmId'],
          r['pmName'],
          r['pmEmail'],
          r['teamId'],
          r['teamName'],
          r['startDate'],
          r['endDate'],
          r['durationWeeks'],
          status,
          r['cancelledReason'],
        ];
        yield `${cells.map(csvCell).join(',')}\n`;
      }
      if (rows.length < pageSize) return;
    }
  }

  private assertTeamManager(caller: AuthenticatedUser, parties: Parties): void {
    if (caller.role !== 'admin' && parties.hostManagerId !== caller.id) {
      throw ApiError.forbidden("Only the host team's manager or an admin may reschedule or cancel a placement.");
    }
  }

  private async loadVisible(
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

  private toDto(
    p: PlacementRow,
    checkIns: CheckIn[],
    names: { people: Map<string, string>; teams: Map<string, string> },
  ): Placement {
    return {
      id: p.id,
      requestId: p.requestId,
      pmId: p.pmId,
      pmName: names.people.get(p.pmId) ?? '',
      teamId: p.teamId,
      teamName: names.teams.get(p.teamId) ?? '',
      startDate: p.startDate,
      endDate: p.endDate,
      durationWeeks: p.durationWeeks,
      status: placementStatus(p, todayIn(p.timezone, this.clock.now())),
      cancelledReason: p.cancelledReason,
      checkIns,
    };
  }
}

function stripTimezone(p: PlacementRow): PlacementEntity {
  const { timezone: _timezone, ...entity } = p;
  return entity as PlacementEntity;
}

/** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
