import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
  visibleRotations,
} from '@stint/api-core';
import { buildInvite } from '@stint/api-notifications';
import type { CheckIn, CheckInStatus, Page, SkillRatings } from '@stint/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { CheckInEntity, CheckInFeedbackEntity } from './check-in.entity';
import { toCheckIn } from './check-in-lifecycle';
import { checkInStatus, reflectionOpensOn } from './check-in-status';
import { checkInEvent } from './invites';
import { loadParties } from './parties';
import { ReminderScheduler } from './reminder-scheduler.service';

interface Access {
  checkIn: CheckInEntity;
  pmId: string;
  /** The PM's IANA time zone: a check-in's day (due_date) is a day on their calendar. */
  pmTimeZone: string;
  teamId: string;
  lineManagerId: string | null;
  hostManagerId: string;
  placementCancelled: boolean;
}

export interface CheckInFilter {
  placementId?: string;
  status?: CheckInStatus;
  from?: string;
  to?: string;
}

async function overdueHours(m: EntityManager): Promise<number> {
  return (await loadPolicy(m)).overdueAfterHours;
}

@Injectable()
export class CheckInsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly scheduler: ReminderScheduler,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(caller: AuthenticatedUser, filter: CheckInFilter, window: PageWindow): Promise<Page<CheckIn>> {
    const hours = await overdueHours(this.db.manager);
    const now = this.clock.now();
    const query = this.db
      .getRepository(CheckInEntity)
      .createQueryBuilder('c')
      .innerJoin('placements', 'p', 'p.id = c.placement_id')
      .innerJoin('users', 'pm', 'pm.id = p.pm_id')
      .innerJoin('teams', 't', 't.id = p.team_id')
      .orderBy('c.scheduledAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .setParameter('now', now.toISOString())
      .setParameter('hours', hours);
    const visible = visibleRotations(caller);
    query.andWhere(visible.sql, visible.params);
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
    const [rows, total] = await query.skip(window.offset).take(window.pageSize).getManyAndCount();
    const feedback = rows.length
      ? await this.db
          .getRepository(CheckInFeedbackEntity)
          .find({ where: { checkInId: In(rows.map((r) => r.id)) }, order: { at: 'ASC' } })
      : [];
    return toPage(
      rows.map((r) => toCheckIn(r, feedback, now, hours)),
      total,
      window,
    );
  }

  async get(caller: AuthenticatedUser, id: string): Promise<CheckIn> {
    const { checkIn } = await this.access(this.db.manager, caller, id);
    const feedback = await this.db
      .getRepository(CheckInFeedbackEntity)
      .find({ where: { checkInId: id }, order: { at: 'ASC' } });
    return toCheckIn(checkIn, feedback, this.clock.now(), await overdueHours(this.db.manager));
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
    const done = await this.db.getRepository(CheckInEntity).findOneByOrFail({ id });
    await this.scheduler
      .unscheduleCheckIn(id, done.scheduledAt, await loadPolicy(this.db.manager))
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
      const repeat: unknown[] = await m.query(
        `SELECT 1 FROM check_in_feedback WHERE check_in_id = $1 AND by_id = $2 AND text = $3 AND at > $4::timestamptz - interval '1 minute'`,
        [id, caller.id, text, this.clock.now().toISOString()],
      );
      if (repeat.length) return;
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
    const access = await this.access(this.db.manager, caller, id);
    const parties = await loadParties(this.db.manager, access.pmId, access.teamId);
    const cancelled = access.checkIn.cancelledAt !== null;
    return buildInvite(
      cancelled ? 'CANCEL' : 'REQUEST',
      [checkInEvent(access.checkIn, parties, this.config.appUrl)],
      this.clock.now(),
    );
  }

  private async access(m: EntityManager, caller: AuthenticatedUser, id: string, lock = false): Promise<Access> {
    const checkIn = await m.findOne(CheckInEntity, {
      where: { id },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!checkIn) throw ApiError.notFound('check-in', id);
    const rows: Array<{
      pm_id: string;
      pm_timezone: string;
      team_id: string;
      line: string | null;
      host: string;
      cancelled: boolean;
    }> = await m.query(
      `SELECT p.pm_id, pm.timezone AS pm_timezone, p.team_id, pm.manager_id AS line, t.manager_id AS host, p.cancelled_at IS NOT NULL AS cancelled
         FROM placements p JOIN users pm ON pm.id = p.pm_id JOIN teams t ON t.id = p.team_id WHERE p.id = $1`,
      [checkIn.placementId],
    );
    const r = rows[0];
    if (!r) throw ApiError.notFound('check-in', id);
    if (!canSee(caller, { pmId: r.pm_id, lineManagerId: r.line, hostManagerId: r.host }))
      throw ApiError.notFound('check-in', id);
    return {
      checkIn,
      pmId: r.pm_id,
      pmTimeZone: r.pm_timezone,
      teamId: r.team_id,
      lineManagerId: r.line,
      hostManagerId: r.host,
      placementCancelled: r.cancelled,
    };
  }
}
