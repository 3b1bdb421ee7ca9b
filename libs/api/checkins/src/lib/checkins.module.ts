import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PLACEMENT_CHECK_INS, PLACEMENT_EFFECTS } from '@stint/api-core';
import { CheckInAssessmentEntity, CheckInFeedbackEntity, CheckInEntity } from './check-in.entity';
import { CheckInsReadModel } from './check-ins/check-ins-read-model';
import { CheckInsController } from './check-ins/check-ins.controller';
import { CheckInsRepository } from './check-ins/check-ins.repository';
import { CheckInsService } from './check-ins/check-ins.service';
import { CheckInEmails } from './placement-effects/check-in-emails';
import { CheckInPlacementEffects } from './placement-effects/placement-effects';
import { CheckInNotices } from './reminders/check-in-notices';
import { CheckInOverdueJob } from './reminders/check-in-overdue.job';
import { CheckInReminderJob } from './reminders/check-in-reminder.job';
import { ReminderScheduler } from './reminders/reminder-scheduler.service';

/**
 * Check-ins: the HTTP routes, booking's `PLACEMENT_EFFECTS` (cadence laid
 * out, moved, cancelled, with invites and emails) and `PLACEMENT_CHECK_INS`
 * ports, and the `checkin-reminder` / `checkin-overdue` job handlers. Needs
 * the global core, TypeORM, audit, jobs and notifications modules.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CheckInEntity, CheckInFeedbackEntity, CheckInAssessmentEntity])],
  controllers: [CheckInsController],
  providers: [
    CheckInsRepository,
    CheckInsService,
    CheckInsReadModel,
    CheckInEmails,
    CheckInPlacementEffects,
    ReminderScheduler,
    CheckInNotices,
    CheckInReminderJob,
    CheckInOverdueJob,
    { provide: PLACEMENT_EFFECTS, useExisting: CheckInPlacementEffects },
    { provide: PLACEMENT_CHECK_INS, useExisting: CheckInsReadModel },
  ],
  exports: [CheckInsService, CheckInReminderJob, CheckInOverdueJob, PLACEMENT_EFFECTS, PLACEMENT_CHECK_INS],
})
export class CheckInsModule {}
