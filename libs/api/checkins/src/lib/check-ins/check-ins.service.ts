import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@stint/api-audit';
import {
  ApiError,
  APP_CONFIG,
  AppConfig,
  AuthenticatedUser,
  canSee,
  Clock,
  loadPolicy,
  PageWindow,
  toPage,
  TransactionRunner,
} from '@stint/api-core';
import { buildInvite, loadParties } from '@stint/api-notifications';
import type { CheckIn, Page, SkillRatings } from '@stint/contracts';
import { EntityManager } from 'typeorm';
import { checkInStatus, reflectionOpensOn } from '../check-in-status';
import { CheckInEntity, CheckInFeedbackEntity } from '../check-in.entity';
import { checkInEvent } from '../invites';
import { ReminderScheduler } from '../reminders/reminder-scheduler.service';
import { toCheckIn } from './check-in-view';
import { CheckInFilter, CheckInsRepository } from './check-ins.repository';

interface Access {
  checkIn: CheckInEntity;
  pmId: string;
  /** The PM's IANA time zone: a check-in's day (due_date) is a day on their calendar. */
  pmTimeZone: string;
  teamId: string;
  placementCancelled: boolean;
}

async function overdueHours(m: EntityManager): Promise<number> {
  return (await loadPolicy(m)).overdueAfterHours;
}

/** Reading check-ins, filing the PM's reflection, managers' feedback, and a check-in's calendar invite. */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly checkIns: CheckInsRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly scheduler: ReminderScheduler,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(caller: AuthenticatedUser, filter: CheckInFilter, window: PageWindow): Promise<Page<CheckIn>> {
    const hours = await overdueHours(this.checkIns.manager);
    const now = this.clock.now();
    const [rows, total] = await this.checkIns.page(caller, filter, window, now, hours);
    const feedback = await this.checkIns.feedbackOn(rows.map((r) => r.id));
    return toPage(
      rows.map((r) => toCheckIn(r, feedback, now, hours)),
      total,
      window,
    );
  }

  async get(caller: AuthenticatedUser, id: string): Promise<CheckIn> {
    const { checkIn } = await this.access(this.checkIns.manager, caller, id);
    const feedback = await this.checkIns.feedbackOf(id);
    return toCheckIn(checkIn, feedback, this.clock.now(), await overdueHours(this.checkIns.manager));
  }

  async complete(caller: AuthenticatedUser, id: string, ratings: SkillRatings, notes: string): Promise<CheckIn> {
    await this.tx.run(async (m) => {
      const access = await this.access(m, caller, id, true);
      if (access.pmId !== caller.id) throw ApiError.forbidden('Only the PM on this rotation files its reflections.');
      const status = checkInStatus(access.checkIn, this.clock.now(), 0);
      if (status === 'completed')
        throw ApiError.invalidState('This check-in is already completed; a reflection is filed once.', { status });
      if (status === 'cancelled')
        throw ApiError.invalidState('This check-in was cancelled with its placement.', { status });
      // A reflection looks back on the check-in, so it opens on the check-in's day in the PM's time zone, not before.
      const opensOn = reflectionOpensOn(access.checkIn.dueDate, access.pmTimeZone, this.clock.now());
      if (opensOn) {
        throw ApiError.invalidState(`This check-in opens for reflection on ${opensOn} (its day); come back then.`, {
          opensOn,
        });
      }
      Object.assign(access.checkIn, {
        completedAt: this.clock.now(),
        ratingNegotiation: ratings.negotiation,
        ratingClosing: ratings.closing,
        ratingPersistence: ratings.persistence,
        notes,
      });
      await m.save(access.checkIn);
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'check_in.completed',
        entityType: 'check_in',
        entityId: id,
        after: { ratings, notes },
      });
    });
    // The overdue job finds it completed and does nothing; removing it keeps Redis tidy.
    const done = await this.checkIns.manager.findOneByOrFail(CheckInEntity, { id });
    await this.scheduler
      .unscheduleCheckIn(id, done.scheduledAt, await loadPolicy(this.checkIns.manager))
      .catch(() => undefined);
    return this.get(caller, id);
  }

  async addFeedback(caller: AuthenticatedUser, id: string, text: string): Promise<CheckIn> {
    await this.tx.run(async (m) => {
      const access = await this.access(m, caller, id, true);
      if (caller.role === 'pm')
        throw ApiError.forbidden('Feedback on a check-in comes from managers; the PM writes the reflection.');
      if (access.checkIn.cancelledAt || access.placementCancelled) {
        throw ApiError.invalidState(
          'This check-in was cancelled with its placement; there is nothing to give feedback on.',
          { status: 'cancelled' },
        );
      }
      // The same text from the same manager moments ago is a repeated submit, not new feedback.
      if (await this.checkIns.isRepeatedFeedback(m, id, caller.id, text, this.clock.now())) return;
      await m.insert(CheckInFeedbackEntity, { checkInId: id, byId: caller.id, text, at: this.clock.now() });
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'check_in.feedback',
        entityType: 'check_in',
        entityId: id,
        after: { text },
      });
    });
    return this.get(caller, id);
  }

  async calendar(caller: AuthenticatedUser, id: string): Promise<string> {
    const access = await this.access(this.checkIns.manager, caller, id);
    const parties = await loadParties(this.checkIns.manager, access.pmId, access.teamId);
    const cancelled = access.checkIn.cancelledAt !== null;
    return buildInvite(
      cancelled ? 'CANCEL' : 'REQUEST',
      [checkInEvent(access.checkIn, parties, this.config.appUrl)],
      this.clock.now(),
    );
  }

  /** The check-in if the caller may see it (404 otherwise, as if it did not exist); locked for a write when asked. */
  private async access(m: EntityManager, caller: AuthenticatedUser, id: string, lock = false): Promise<Access> {
    const checkIn = await m.findOne(CheckInEntity, {
      where: { id },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!checkIn) throw ApiError.notFound('check-in', id);
    const r = await this.checkIns.placementPeople(m, checkIn.placementId);
    if (!r) throw ApiError.notFound('check-in', id);
    if (!canSee(caller, { pmId: r.pm_id, lineManagerId: r.line, hostManagerId: r.host }))
      throw ApiError.notFound('check-in', id);
    return {
      checkIn,
      pmId: r.pm_id,
      pmTimeZone: r.pm_timezone,
      teamId: r.team_id,
      placementCancelled: r.cancelled,
    };
  }
}
