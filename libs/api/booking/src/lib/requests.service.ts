import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@stint/api-audit';
import {
  ApiError,
  AuthenticatedUser,
  Clock,
  PageWindow,
  PLACEMENT_EFFECTS,
  PlacementEffects,
  REQUEST_NOTICES,
  RequestNotices,
  toPage,
  TransactionRunner,
} from '@stint/api-core';
import { awaitingDecisionBy, canSee, Parties, visibleRotations } from '@stint/api-core';
import type { Page, RequestStatus, RotationRequest } from '@stint/contracts';
import { checkBooking, endDateFor, isIsoDate } from '@stint/scheduling';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { loadBookingFacts, loadTeam, lockPm, namesFor, TeamRow } from './booking-facts';
import { CreateRequestDto, UpdateRequestDto } from './dto/request.dto';
import { PlacementEntity } from './placement.entity';
import { RequestApprovalEntity, RotationRequestEntity } from './rotation-request.entity';
import { ruleError } from './rule-errors';
import { SlotsService } from './slots.service';

const PENDING: RequestStatus[] = ['pending_manager', 'pending_host'];

function isViolation(error: unknown, constraint: string): boolean {
  return error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === constraint;
}

function overlapError(): ApiError {
  return new ApiError(
    409,
    'PM_OVERLAP',
    'This PM already has a placement or a pending request on some of these days; pick other dates or withdraw the other request.',
  );
}

export interface RequestFilter {
  status?: RequestStatus;
  teamId?: string;
  pmId?: string;
  awaitingMe?: boolean;
}

@Injectable()
export class RequestsService {
  private readonly logger = new Logger(RequestsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly slots: SlotsService,
    @Inject(REQUEST_NOTICES) private readonly notices: RequestNotices,
    @Inject(PLACEMENT_EFFECTS) private readonly effects: PlacementEffects,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  async list(caller: AuthenticatedUser, filter: RequestFilter, window: PageWindow): Promise<Page<RotationRequest>> {
    const visible = visibleRotations(caller);
    const query = this.db
      .getRepository(RotationRequestEntity)
      .createQueryBuilder('r')
      .innerJoin('users', 'pm', 'pm.id = r.pm_id')
      .innerJoin('teams', 't', 't.id = r.team_id')
      .where(visible.sql, visible.params)
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'DESC');
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.teamId) query.andWhere('r.team_id = :teamId', { teamId: filter.teamId });
    if (filter.pmId) query.andWhere('r.pm_id = :pmId', { pmId: filter.pmId });
    if (filter.awaitingMe) {
      query.andWhere(
        caller.role === 'admin' ? `r.status IN ('pending_manager', 'pending_host')` : awaitingDecisionBy(':me'),
        { me: caller.id },
      );
    }
    const [rows, total] = await query.skip(window.offset).take(window.pageSize).getManyAndCount();
    return toPage(await this.withApprovals(this.db.manager, rows), total, window);
  }

  async get(caller: AuthenticatedUser, id: string): Promise<RotationRequest> {
    const { request } = await this.loadVisible(this.db.manager, caller, id);
    const [dto] = await this.withApprovals(this.db.manager, [request]);
    if (!dto) throw ApiError.notFound('rotation request', id);
    return dto;
  }

  async create(caller: AuthenticatedUser, input: CreateRequestDto): Promise<RotationRequest> {
    const pmId = await this.resolvePm(caller, input.pmId);
    const endDate = endDateFor(input.startDate, input.durationWeeks);
    try {
      const saved = await this.tx.run(async (m) => {
        const team = await this.requireTeam(m, input.teamId);
        await lockPm(m, pmId);
        await this.assertRules(m, team, pmId, input.startDate, input.durationWeeks, {});
        const now = this.clock.now();
        const request = await m.save(
          m.create(RotationRequestEntity, {
            pmId,
            teamId: team.id,
            startDate: input.startDate,
            endDate,
            durationWeeks: input.durationWeeks,
            goals: input.goals,
            motivation: input.motivation ?? '',
            status: 'pending_manager',
            createdBy: caller.id,
            pendingSince: now,
          }),
        );
        await this.audit.record(m, {
          actorId: caller.id,
          action: 'request.submitted',
          entityType: 'rotation_request',
          entityId: request.id,
          after: snapshot(request),
        });
        await this.notices.submitted(m, request);
        return request;
      });
      return this.get(caller, saved.id);
    } catch (error) {
      if (isViolation(error, 'rotation_requests_no_pending_overlap')) throw overlapError();
      throw error;
    }
  }

  async update(caller: AuthenticatedUser, id: string, input: UpdateRequestDto): Promise<RotationRequest> {
    try {
      await this.tx.run(async (m) => {
        const { request } = await this.loadVisible(m, caller, id, true);
        if (request.pmId !== caller.id)
          throw ApiError.forbidden('Only the PM who asked for this rotation may edit it.');
        if (!PENDING.includes(request.status))
          throw ApiError.invalidState(`This request is ${request.status}; only pending requests can be edited.`, {
            status: request.status,
          });
        const before = snapshot(request);
        const teamId = input.teamId ?? request.teamId;
        const startDate = input.startDate ?? request.startDate;
        const durationWeeks = input.durationWeeks ?? request.durationWeeks;
        const replan =
          teamId !== request.teamId || startDate !== request.startDate || durationWeeks !== request.durationWeeks;
        if (replan) {
          const team = await this.requireTeam(m, teamId);
          await lockPm(m, request.pmId);
          await this.assertRules(m, team, request.pmId, startDate, durationWeeks, { excludeRequestId: request.id });
          Object.assign(request, {
            teamId,
            startDate,
            durationWeeks,
            endDate: endDateFor(startDate, durationWeeks),
            status: 'pending_manager',
            pendingSince: this.clock.now(),
          });
        }
        if (input.goals !== undefined) request.goals = input.goals;
        if (input.motivation !== undefined) request.motivation = input.motivation;
        await m.save(request);
        if (replan) {
          // Approvals given for the old plan no longer hold.
          await m.delete(RequestApprovalEntity, { requestId: request.id });
        }
        await this.audit.record(m, {
          actorId: caller.id,
          action: replan ? 'request.replanned' : 'request.edited',
          entityType: 'rotation_request',
          entityId: id,
          before,
          after: snapshot(request),
        });
        if (replan) await this.notices.submitted(m, request);
      });
    } catch (error) {
      if (isViolation(error, 'rotation_requests_no_pending_overlap')) throw overlapError();
      throw error;
    }
    return this.get(caller, id);
  }

  async approve(
    caller: AuthenticatedUser,
    id: string,
    comment: string,
    requested?: ApprovalStep,
  ): Promise<RotationRequest> {
    let capacityFull: {
      teamId: string;
      pmId: string;
      startDate: string;
      durationWeeks: number;
      error: ApiError;
    } | null = null;
    try {
      await this.tx.run(async (m) => {
        const { request, parties } = await this.loadVisible(m, caller, id, true);
        const step = this.assertApprover(caller, request, parties, requested);
        await this.assertPmActive(m, request.pmId);
        // Lock order everywhere: request row, then team row, then the PM's advisory lock.
        const team = await this.requireTeam(m, request.teamId, true);
        await lockPm(m, request.pmId);
        try {
          await this.assertRules(m, team, request.pmId, request.startDate, request.durationWeeks, {
            excludeRequestId: request.id,
          });
        } catch (error) {
          if (error instanceof ApiError && error.code === 'CAPACITY_FULL') {
            capacityFull = {
              teamId: team.id,
              pmId: request.pmId,
              startDate: request.startDate,
              durationWeeks: request.durationWeeks,
              error,
            };
          }
          throw error;
        }
        const before = snapshot(request);
        const now = this.clock.now();
        await m.insert(RequestApprovalEntity, {
          requestId: id,
          step,
          decision: 'approved',
          byId: caller.id,
          comment,
          at: now,
        });
        if (step === 'manager') {
          Object.assign(request, { status: 'pending_host', pendingSince: now });
          await m.save(request);
          await this.audit.record(m, {
            actorId: caller.id,
            action: 'request.released',
            entityType: 'rotation_request',
            entityId: id,
            before,
            after: snapshot(request),
          });
          await this.notices.released(m, request);
          return;
        }
        const placement = await m.save(
          m.create(PlacementEntity, {
            requestId: id,
            pmId: request.pmId,
            teamId: team.id,
            startDate: request.startDate,
            endDate: request.endDate,
            durationWeeks: request.durationWeeks,
            sequence: 0,
          }),
        );
        Object.assign(request, { status: 'booked', placementId: placement.id });
        await m.save(request);
        await this.audit.record(m, {
          actorId: caller.id,
          action: 'request.booked',
          entityType: 'rotation_request',
          entityId: id,
          before,
          after: snapshot(request),
        });
        await this.audit.record(m, {
          actorId: caller.id,
          action: 'placement.booked',
          entityType: 'placement',
          entityId: placement.id,
          after: placementSnapshot(placement),
        });
        await this.effects.booked(m, placement, request);
        this.logger.log(`Booked placement ${placement.id} for request ${id} in team ${team.id}.`);
      });
    } catch (error) {
      if (isViolation(error, 'placements_no_pm_overlap')) throw overlapError();
      const full = capacityFull as {
        teamId: string;
        pmId: string;
        startDate: string;
        durationWeeks: number;
        error: ApiError;
      } | null;
      if (full) {
        // Suggestions are computed after the rollback, outside the team lock.
        const suggestions = await this.slots.suggestFor(full.teamId, full.pmId, full.startDate, full.durationWeeks, {
          excludeRequestId: id,
        });
        throw new ApiError(
          409,
          'CAPACITY_FULL',
          `${full.error.message} The request stays pending; see details.suggestions for the next free slots.`,
          {
            ...full.error.details,
            suggestions,
          },
        );
      }
      throw error;
    }
    return this.get(caller, id);
  }

  async reject(
    caller: AuthenticatedUser,
    id: string,
    comment: string,
    requested?: ApprovalStep,
  ): Promise<RotationRequest> {
    await this.tx.run(async (m) => {
      const { request, parties } = await this.loadVisible(m, caller, id, true);
      const step = this.assertApprover(caller, request, parties, requested, false);
      const before = snapshot(request);
      await m.insert(RequestApprovalEntity, {
        requestId: id,
        step,
        decision: 'rejected',
        byId: caller.id,
        comment,
        at: this.clock.now(),
      });
      request.status = 'rejected';
      await m.save(request);
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'request.rejected',
        entityType: 'rotation_request',
        entityId: id,
        before,
        after: snapshot(request),
      });
      await this.notices.rejected(m, request);
    });
    return this.get(caller, id);
  }

  async withdraw(caller: AuthenticatedUser, id: string): Promise<RotationRequest> {
    await this.tx.run(async (m) => {
      const { request } = await this.loadVisible(m, caller, id, true);
      if (request.pmId !== caller.id)
        throw ApiError.forbidden('Only the PM who asked for this rotation may withdraw it.');
      if (!PENDING.includes(request.status))
        throw ApiError.invalidState(`This request is ${request.status}; only pending requests can be withdrawn.`, {
          status: request.status,
        });
      const before = snapshot(request);
      request.status = 'withdrawn';
      await m.save(request);
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'request.withdrawn',
        entityType: 'rotation_request',
        entityId: id,
        before,
        after: snapshot(request),
      });
    });
    return this.get(caller, id);
  }

  /**
   * Which step the caller decides, or why they may not. A decision names its
   * step (`manager` releases, `host` agrees to host); a step that is not the
   * current one is 409, so a repeated click never decides a second step. A
   * caller who holds both keys (an admin, or a manager who is both the PM's
   * line manager and the host) must name `host` to approve the host step (a
   * rejection ends the request, so it cannot take a second step anyway).
   */
  private assertApprover(
    caller: AuthenticatedUser,
    request: RotationRequestEntity,
    parties: Parties,
    requested?: ApprovalStep,
    approving = true,
  ): ApprovalStep {
    const current: ApprovalStep | null =
      request.status === 'pending_manager' ? 'manager' : request.status === 'pending_host' ? 'host' : null;
    if (!current)
      throw ApiError.invalidState(`This request is ${request.status}; there is nothing to decide.`, {
        status: request.status,
      });
    const mayRelease = caller.role === 'admin' || parties.lineManagerId === caller.id;
    const mayHost = caller.role === 'admin' || parties.hostManagerId === caller.id;
    const holdsRequested = requested === 'manager' ? mayRelease : requested === 'host' ? mayHost : false;
    // A repeat of a step the caller holds (a double click) is a conflict with the request's state, not a permission problem.
    // Without a step, a line manager who already released it and now repeats the click is told so, not refused.
    if (!requested && approving && current === 'host' && mayRelease && !mayHost) {
      throw ApiError.invalidState("This request is already released; it waits for the host team's manager to agree.", {
        status: request.status,
      });
    }
    if (!(requested && requested !== current && holdsRequested)) {
      if (current === 'manager' && !mayRelease)
        throw ApiError.forbidden("This request waits for the PM's line manager to release them.");
      if (current === 'host' && !mayHost)
        throw ApiError.forbidden("This request waits for the host team's manager to agree.");
    }
    if (requested && requested !== current) {
      throw ApiError.invalidState(
        requested === 'manager'
          ? 'This request has already been released (it waits for the host); the manager step cannot be taken again.'
          : "This request still waits for the line manager's release; the host step comes after it.",
        { status: request.status, step: current },
      );
    }
    if (approving && !requested && current === 'host' && mayRelease && mayHost) {
      throw ApiError.invalidState(
        'You hold both keys and this request has already been released. To agree to host as well, send step "host".',
        {
          status: request.status,
          step: current,
        },
      );
    }
    return current;
  }

  /** A deactivated PM's request can no longer be released or booked. */
  private async assertPmActive(m: EntityManager, pmId: string): Promise<void> {
    const rows: Array<{ active: boolean }> = await m.query(`SELECT active FROM users WHERE id = $1`, [pmId]);
    if (!rows[0]?.active)
      throw ApiError.invalidState(
        'This PM is deactivated; their request can no longer be approved. Reject it, or ask an admin to reactivate them.',
        { pmActive: false },
      );
  }

  /** Planning for someone else: admins for anyone, a manager for their own reports; otherwise the PM is invisible (404). */
  async assertCanPlanFor(caller: AuthenticatedUser, pmId: string): Promise<void> {
    if (caller.role === 'admin') {
      const found: unknown[] = await this.db.query(`SELECT 1 FROM users WHERE id = $1`, [pmId]);
      if (!found.length) throw ApiError.notFound('user', pmId);
      return;
    }
    if (caller.role === 'pm') throw ApiError.forbidden('A PM can only search slots for themselves.');
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM users WHERE id = $1 AND manager_id = $2`, [
      pmId,
      caller.id,
    ]);
    if (!rows.length) throw ApiError.notFound('user', pmId);
  }

  private async resolvePm(caller: AuthenticatedUser, pmId: string | undefined): Promise<string> {
    if (!pmId || pmId === caller.id) {
      if (caller.role !== 'pm')
        throw ApiError.validation({ pmId: 'managers and admins must name the PM (pmId) they request for' });
      return caller.id;
    }
    if (caller.role === 'pm') throw ApiError.forbidden('A PM can only request rotations for themselves.');
    const rows: Array<{ role: string; manager_id: string | null; active: boolean }> = await this.db.query(
      `SELECT role, manager_id, active FROM users WHERE id = $1`,
      [pmId],
    );
    const pm = rows[0];
    if (!pm || (caller.role === 'manager' && pm.manager_id !== caller.id)) throw ApiError.notFound('user', pmId);
    if (pm.role !== 'pm') throw ApiError.validation({ pmId: 'pmId must name a user with role pm' });
    if (!pm.active) throw ApiError.validation({ pmId: 'that PM is deactivated' });
    return pmId;
  }

  private async requireTeam(m: EntityManager, teamId: string, lock = false): Promise<TeamRow> {
    const team = await loadTeam(m, teamId, lock);
    if (!team) throw ApiError.notFound('team', teamId);
    return team;
  }

  private async assertRules(
    m: EntityManager,
    team: TeamRow,
    pmId: string,
    startDate: string,
    durationWeeks: number,
    exclude: { excludeRequestId?: string; excludePlacementId?: string },
  ): Promise<void> {
    if (!isIsoDate(startDate)) throw ApiError.validation({ startDate: 'startDate must be a date like 2027-01-04' });
    const endDate = endDateFor(startDate, durationWeeks);
    const facts = await loadBookingFacts(m, team, { from: startDate, to: endDate, pmId, ...exclude }, this.clock.now());
    const violations = checkBooking(facts, { startDate, durationWeeks });
    if (violations.length) throw ruleError(violations);
  }

  private async loadVisible(
    m: EntityManager,
    caller: AuthenticatedUser,
    id: string,
    lock = false,
  ): Promise<{ request: RotationRequestEntity; parties: Parties }> {
    const request = await m.findOne(RotationRequestEntity, {
      where: { id },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!request) throw ApiError.notFound('rotation request', id);
    const rows: Array<{ line: string | null; host: string }> = await m.query(
      `SELECT (SELECT manager_id FROM users WHERE id = $1) AS line, (SELECT manager_id FROM teams WHERE id = $2) AS host`,
      [request.pmId, request.teamId],
    );
    const parties: Parties = {
      pmId: request.pmId,
      lineManagerId: rows[0]?.line ?? null,
      hostManagerId: rows[0]?.host ?? '',
    };
    if (!canSee(caller, parties)) throw ApiError.notFound('rotation request', id);
    return { request, parties };
  }

  private async withApprovals(m: EntityManager, rows: RotationRequestEntity[]): Promise<RotationRequest[]> {
    if (!rows.length) return [];
    const approvals = await m
      .getRepository(RequestApprovalEntity)
      .createQueryBuilder('a')
      .where('a.request_id IN (:...ids)', { ids: rows.map((r) => r.id) })
      .orderBy('a.at', 'ASC')
      .getMany();
    const names = await namesFor(
      m,
      rows.map((r) => r.pmId),
      rows.map((r) => r.teamId),
    );
    return rows.map((r) => ({
      id: r.id,
      pmId: r.pmId,
      pmName: names.people.get(r.pmId) ?? '',
      teamId: r.teamId,
      teamName: names.teams.get(r.teamId) ?? '',
      startDate: r.startDate,
      endDate: r.endDate,
      durationWeeks: r.durationWeeks,
      goals: r.goals,
      motivation: r.motivation,
      status: r.status,
      approvals: approvals
        .filter((a) => a.requestId === r.id)
        .map((a) => ({ step: a.step, decision: a.decision, byId: a.byId, comment: a.comment, at: a.at.toISOString() })),
      placementId: r.placementId,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }
}

export type ApprovalStep = 'manager' | 'host';

function snapshot(r: RotationRequestEntity): Record<string, unknown> {
  return {
    status: r.status,
    teamId: r.teamId,
    startDate: r.startDate,
    endDate: r.endDate,
    durationWeeks: r.durationWeeks,
    placementId: r.placementId,
  };
}

export function placementSnapshot(p: PlacementEntity): Record<string, unknown> {
  return {
    teamId: p.teamId,
    startDate: p.startDate,
    endDate: p.endDate,
    durationWeeks: p.durationWeeks,
    cancelledAt: p.cancelledAt,
    cancelledReason: p.cancelledReason,
  };
}
