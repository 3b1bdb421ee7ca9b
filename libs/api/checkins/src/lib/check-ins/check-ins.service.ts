import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@stint/api-audit';
import {
  ApiError,
  APP_CONFIG,
  AppConfig,
  AuthenticatedUser,
  cachedPage,
  canSee,
  Clock,
  FiguresCache,
  loadPolicy,
  PageWindow,
  toPage,
  TransactionRunner,
} from '@stint/api-core';
import { buildInvite, loadParties } from '@stint/api-notifications';
import type { CheckIn, Page } from '@stint/contracts';
import { EntityManager } from 'typeorm';
import { checkInStatus, reflectionOpensOn } from '../check-in-status';
import { CheckInEntity, CheckInFeedbackEntity } from '../check-in.entity';
import { checkInEvent } from '../invites';
import { ReminderScheduler } from '../reminders/reminder-scheduler.service';
import { CheckInFilter, CheckInsRepository } from './check-ins.repository';
import { parseGoalOutcomes, parseRatings, type Parsed } from './skill-ratings';

interface Access {
  checkIn: CheckInEntity;
  pmId: string;
  /** The PM's IANA time zone: a check-in's day (due_date) is a day on their calendar. */
  pmTimeZone: string;
  teamId: string;
  placementCancelled: boolean;
  lineManagerId: string | null;
  hostManagerId: string;
  /** The learning goals of the request behind the placement. */
  goals: string[];
}

export interface ReflectionInput {
  ratings: unknown;
  notes: string;
  goalOutcomes?: unknown;
}

export interface PulseInput {
  ratings: unknown;
  wouldSendAgain: boolean;
  comment: string;
}

export interface AssessmentInput {
  ratings: unknown;
  notes: string;
}

/** The parsed value, or a 400 naming every bad field. */
function valid<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw ApiError.validation(parsed.fields);
  return parsed.value;
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
    private readonly figures: FiguresCache,
  ) {}

  list(caller: AuthenticatedUser, filter: CheckInFilter, window: PageWindow): Promise<Page<CheckIn>> {
    return cachedPage(this.figures, caller, 'check-ins', { filter, window }, async () => {
      // The policy changes rarely and advances the figures version when it does: kept like the page.
      const policy = await this.figures.remember(
        'policy',
        () => loadPolicy(this.checkIns.manager),
        caller.figuresVersion,
      );
      const hours = policy.overdueAfterHours;
      const now = this.clock.now();
      const [items, total] = await this.checkIns.page(caller, filter, window, now, hours);
      return toPage(items, total, window);
    });
  }

  async get(caller: AuthenticatedUser, id: string): Promise<CheckIn> {
    await this.access(this.checkIns.manager, caller, id);
    const [view] = await this.checkIns.views('id', [id], this.clock.now(), await overdueHours(this.checkIns.manager));
    if (!view) throw ApiError.notFound('check-in', id);
    return view;
  }

  /** The PM's reflection: a rating per skill, notes, and at the final the learning goals revisited. */
  async complete(caller: AuthenticatedUser, id: string, input: ReflectionInput): Promise<CheckIn> {
    await this.tx.run(async (m) => {
      const access = await this.access(m, caller, id, true);
      if (access.checkIn.kind === 'pulse')
        throw ApiError.forbidden(
          "The pulse after return is the PM's line manager's to give: they answer it with POST /api/check-ins/:id/pulse.",
        );
      if (access.pmId !== caller.id) throw ApiError.forbidden('Only the PM on this rotation files its reflections.');
      const policy = await loadPolicy(m);
      const ratings = valid(parseRatings(input.ratings, policy.skills));
      if (access.checkIn.kind !== 'final' && input.goalOutcomes !== undefined)
        throw ApiError.validation({ goalOutcomes: 'Learning goals are revisited at the final check-in only.' });
      const goalOutcomes =
        access.checkIn.kind === 'final' ? valid(parseGoalOutcomes(input.goalOutcomes, access.goals)) : null;
      this.assertOpen(access, 'a reflection is filed once');
      this.fill(access.checkIn, caller.id, ratings, input.notes);
      access.checkIn.goalOutcomes = goalOutcomes;
      await m.save(access.checkIn);
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'check_in.completed',
        entityType: 'check_in',
        entityId: id,
        after: { ratings, notes: input.notes, goalOutcomes },
      });
    });
    await this.unschedule(id);
    return this.get(caller, id);
  }

  /** The line manager's pulse after return: how well the PM applies each skill, would they send another PM, a comment. */
  async pulse(caller: AuthenticatedUser, id: string, input: PulseInput): Promise<CheckIn> {
    await this.tx.run(async (m) => {
      const access = await this.access(m, caller, id, true);
      if (access.checkIn.kind !== 'pulse')
        throw ApiError.invalidState(
          'Only a pulse check-in takes a pulse; the PM files the reflection of this one with POST /api/check-ins/:id/complete.',
          { kind: access.checkIn.kind },
        );
      if (access.lineManagerId !== caller.id)
        throw ApiError.forbidden("Only the PM's line manager gives the pulse after return.");
      const ratings = valid(parseRatings(input.ratings, (await loadPolicy(m)).skills));
      this.assertOpen(access, 'the pulse is given once', 'the pulse');
      this.fill(access.checkIn, caller.id, ratings, input.comment);
      access.checkIn.wouldSendAgain = input.wouldSendAgain;
      await m.save(access.checkIn);
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'check_in.pulse',
        entityType: 'check_in',
        entityId: id,
        after: { ratings, wouldSendAgain: input.wouldSendAgain, comment: input.comment },
      });
    });
    await this.unschedule(id);
    return this.get(caller, id);
  }

  /** The host manager's assessment at the final check-in: what they saw, per skill. Once. */
  async assess(caller: AuthenticatedUser, id: string, input: AssessmentInput): Promise<CheckIn> {
    await this.tx.run(async (m) => {
      const access = await this.access(m, caller, id, true);
      if (access.checkIn.kind !== 'final')
        throw ApiError.invalidState('The host assesses the PM at the final check-in only.', {
          kind: access.checkIn.kind,
        });
      if (access.hostManagerId !== caller.id)
        throw ApiError.forbidden("Only the host team's manager assesses the PM at the final check-in.");
      const ratings = valid(parseRatings(input.ratings, (await loadPolicy(m)).skills));
      if (access.checkIn.cancelledAt || access.placementCancelled)
        throw ApiError.invalidState('This check-in was cancelled with its placement; there is nothing to assess.', {
          status: 'cancelled',
        });
      const opensOn = reflectionOpensOn(access.checkIn.dueDate, access.pmTimeZone, this.clock.now());
      if (opensOn)
        throw ApiError.invalidState(
          `The assessment opens on ${opensOn}, the day of the final check-in; come back then.`,
          {
            opensOn,
          },
        );
      const inserted: unknown[] = await m.query(
        `INSERT INTO check_in_assessments (check_in_id, by_id, ratings, notes, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (check_in_id) DO NOTHING RETURNING check_in_id`,
        [id, caller.id, JSON.stringify(ratings), input.notes, this.clock.now().toISOString()],
      );
      if (!inserted.length)
        throw ApiError.invalidState('This final check-in already has the host’s assessment; it is given once.', {
          assessed: true,
        });
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'check_in.assessed',
        entityType: 'check_in',
        entityId: id,
        after: { ratings, notes: input.notes },
      });
    });
    return this.get(caller, id);
  }

  /** Refuses filing on a check-in that is done, cancelled, or not yet on its day (in the PM's time zone). */
  private assertOpen(access: Access, once: string, what = 'reflection'): void {
    const status = checkInStatus(access.checkIn, this.clock.now(), 0);
    if (status === 'completed') throw ApiError.invalidState(`This check-in is already completed; ${once}.`, { status });
    if (status === 'cancelled' || access.placementCancelled)
      throw ApiError.invalidState('This check-in was cancelled with its placement.', { status: 'cancelled' });
    // It looks back on the check-in, so it opens on the check-in's day in the PM's time zone, not before.
    const opensOn = reflectionOpensOn(access.checkIn.dueDate, access.pmTimeZone, this.clock.now());
    if (opensOn) {
      throw ApiError.invalidState(`This check-in opens for ${what} on ${opensOn} (its day); come back then.`, {
        opensOn,
      });
    }
  }

  /** Completes a check-in with ratings (core skills in their columns, the rest in `extra_ratings`) and text. */
  private fill(checkIn: CheckInEntity, byId: string, ratings: Record<string, number>, text: string): void {
    const { negotiation, closing, persistence, ...extra } = ratings;
    Object.assign(checkIn, {
      completedAt: this.clock.now(),
      completedBy: byId,
      ratingNegotiation: negotiation,
      ratingClosing: closing,
      ratingPersistence: persistence,
      extraRatings: extra,
      notes: text,
    });
  }

  /** The overdue job would find it completed and do nothing; removing its jobs keeps Redis tidy. */
  private async unschedule(id: string): Promise<void> {
    const done = await this.checkIns.manager.findOneByOrFail(CheckInEntity, { id });
    await this.scheduler
      .unscheduleCheckIn(id, done.scheduledAt, await loadPolicy(this.checkIns.manager))
      .catch(() => undefined);
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
      lineManagerId: r.line,
      hostManagerId: r.host,
      goals: r.goals ?? [],
    };
  }
}
