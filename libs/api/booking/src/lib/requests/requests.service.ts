import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@stint/api-audit';
import {
  ApiError,
  AuthenticatedUser,
  cachedPage,
  Clock,
  FiguresCache,
  PageWindow,
  REQUEST_NOTICES,
  RequestNotices,
  toPage,
  TransactionRunner,
} from '@stint/api-core';
import type { Page, RotationRequest } from '@stint/contracts';
import { endDateFor } from '@stint/shared-dates';
import { EntityManager } from 'typeorm';
import { requestSnapshot } from '../audit-snapshots';
import { CreateRequestDto, UpdateRequestDto } from '../dto/request.dto';
import { RequestApprovalEntity, RotationRequestEntity } from '../rotation-request.entity';
import { lockPm } from '../rules/booking-facts.queries';
import { BookingRules } from '../rules/booking-rules.service';
import { overlapAsRuleError, ruleError } from '../rules/rule-errors';
import { NO_PROPOSAL } from './proposal';
import { assertOwnPending } from './request-steps';

const PENDING_OVERLAP = 'rotation_requests_no_pending_overlap';
import { RequestFilter, RequestsRepository } from './requests.repository';

/** Asking for a rotation, editing the ask, and reading requests. Decisions are in RequestDecisionsService. */
@Injectable()
export class RequestsService {
  constructor(
    private readonly repository: RequestsRepository,
    private readonly rules: BookingRules,
    private readonly audit: AuditService,
    @Inject(REQUEST_NOTICES) private readonly notices: RequestNotices,
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
    private readonly figures: FiguresCache,
  ) {}

  list(caller: AuthenticatedUser, filter: RequestFilter, window: PageWindow): Promise<Page<RotationRequest>> {
    return cachedPage(this.figures, caller, 'requests', { filter, window }, async () => {
      const m = this.repository.manager;
      const [rows, total] = await this.repository.page(caller, filter, window);
      return toPage(await this.repository.views(m, rows), total, window);
    });
  }

  async get(caller: AuthenticatedUser, id: string): Promise<RotationRequest> {
    const m = this.repository.manager;
    const { request } = await this.repository.findVisible(m, caller, id);
    const [view] = await this.repository.views(m, [request]);
    if (!view) throw ApiError.notFound('rotation request', id);
    return view;
  }

  async create(caller: AuthenticatedUser, input: CreateRequestDto): Promise<RotationRequest> {
    const pmId = await this.resolvePm(caller, input.pmId);
    const candidate = { pmId, startDate: input.startDate, durationWeeks: input.durationWeeks };
    try {
      const saved = await this.tx.run(async (m) => {
        const team = await this.rules.requireTeam(m, input.teamId);
        await lockPm(m, pmId);
        const { violations } = await this.rules.judge(m, team, candidate);
        // Asking for a full team on purpose: the capacity rule waits for the host's waitlist, every other rule holds.
        const broken = input.waitlistIfFull ? violations.filter((v) => v.code !== 'CAPACITY_FULL') : violations;
        if (broken.length) throw withWaitlistHint(ruleError(broken));
        const request = await m.save(
          m.create(RotationRequestEntity, {
            ...candidate,
            teamId: team.id,
            endDate: endDateFor(input.startDate, input.durationWeeks),
            goals: input.goals,
            motivation: input.motivation ?? '',
            status: 'pending_manager',
            createdBy: caller.id,
            pendingSince: this.clock.now(),
            waitlistIfFull: input.waitlistIfFull ?? false,
          }),
        );
        await this.audit.record(m, {
          actorId: caller.id,
          action: 'request.submitted',
          entityType: 'rotation_request',
          entityId: request.id,
          after: requestSnapshot(request),
        });
        await this.notices.submitted(m, request);
        return request;
      });
      return this.get(caller, saved.id);
    } catch (error) {
      throw overlapAsRuleError(error, PENDING_OVERLAP);
    }
  }

  async update(caller: AuthenticatedUser, id: string, input: UpdateRequestDto): Promise<RotationRequest> {
    try {
      await this.tx.run(async (m) => {
        const { request } = await this.repository.findVisible(m, caller, id, true);
        assertOwnPending(caller, request, { action: 'edit', done: 'edited' });
        const before = requestSnapshot(request);
        const replan = await this.replan(m, request, input);
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
          after: requestSnapshot(request),
        });
        if (replan) await this.notices.submitted(m, request);
      });
    } catch (error) {
      throw overlapAsRuleError(error, PENDING_OVERLAP);
    }
    return this.get(caller, id);
  }

  /** Planning for someone else: admins for anyone, a manager for their own reports; otherwise the PM is invisible (404). */
  async assertCanPlanFor(caller: AuthenticatedUser, pmId: string): Promise<void> {
    if (caller.role === 'admin') {
      if (!(await this.repository.userExists(pmId))) throw ApiError.notFound('user', pmId);
      return;
    }
    if (caller.role === 'pm') throw ApiError.forbidden('A PM can only search slots for themselves.');
    if (!(await this.repository.isDirectReport(pmId, caller.id))) throw ApiError.notFound('user', pmId);
  }

  /**
   * A new team, start or duration: the rules are checked again and the
   * request goes back to pending_manager. Returns whether it was replanned.
   */
  private async replan(m: EntityManager, request: RotationRequestEntity, input: UpdateRequestDto): Promise<boolean> {
    const teamId = input.teamId ?? request.teamId;
    const startDate = input.startDate ?? request.startDate;
    const durationWeeks = input.durationWeeks ?? request.durationWeeks;
    if (teamId === request.teamId && startDate === request.startDate && durationWeeks === request.durationWeeks)
      return false;
    const team = await this.rules.requireTeam(m, teamId);
    await lockPm(m, request.pmId);
    await this.rules.assert(
      m,
      team,
      // Only a new start (or a new team, whose business days may differ) is judged by the start rules.
      {
        pmId: request.pmId,
        startDate,
        durationWeeks,
        confirming: startDate === request.startDate && teamId === request.teamId,
      },
      { excludeRequestId: request.id },
    );
    Object.assign(request, {
      teamId,
      startDate,
      durationWeeks,
      endDate: endDateFor(startDate, durationWeeks),
      status: 'pending_manager',
      pendingSince: this.clock.now(),
      ...NO_PROPOSAL,
    });
    return true;
  }

  private async resolvePm(caller: AuthenticatedUser, pmId: string | undefined): Promise<string> {
    if (!pmId || pmId === caller.id) {
      if (caller.role !== 'pm')
        throw ApiError.validation({ pmId: 'managers and admins must name the PM (pmId) they request for' });
      return caller.id;
    }
    if (caller.role === 'pm') throw ApiError.forbidden('A PM can only request rotations for themselves.');
    const pm = await this.repository.pmCandidate(pmId);
    if (!pm || (caller.role === 'manager' && pm.manager_id !== caller.id)) throw ApiError.notFound('user', pmId);
    if (pm.role !== 'pm') throw ApiError.validation({ pmId: 'pmId must name a user with role pm' });
    if (!pm.active) throw ApiError.validation({ pmId: 'that PM is deactivated' });
    return pmId;
  }
}

/** A full team at request time: the details say how to ask anyway (the message stays the rule's, for people). */
function withWaitlistHint(error: ApiError): ApiError {
  if (error.code !== 'CAPACITY_FULL') return error;
  return new ApiError(409, 'CAPACITY_FULL', error.message, {
    ...error.details,
    waitlist:
      "Send the request again with waitlistIfFull: true to ask anyway: once released, the host can put it on the team's waitlist.",
  });
}
