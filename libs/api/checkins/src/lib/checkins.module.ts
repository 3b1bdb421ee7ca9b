import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PLACEMENT_CHECK_INS, PLACEMENT_EFFECTS, REQUEST_NOTICES } from '@stint/api-core';
import { JobsModule } from '@stint/api-jobs';
import { CheckInFeedbackEntity, CheckInEntity } from './check-in.entity';
import { CheckInJobsService } from './check-in-jobs.service';
import { CheckInLifecycle } from './check-in-lifecycle';
import { CheckInsController, StatsController } from './check-ins.controller';
import { CheckInsService } from './check-ins.service';
import { JobRunsController } from './job-runs.controller';
import { ReminderScheduler } from './reminder-scheduler.service';
import { StatsService } from './stats.service';

@Module({
  imports: [TypeOrmModule.forFeature([CheckInEntity, CheckInFeedbackEntity]), JobsModule],
  controllers: [CheckInsController, StatsController, JobRunsController],
  providers: [
    CheckInsService,
    CheckInLifecycle,
    ReminderScheduler,
    CheckInJobsService,
    StatsService,
    // Booking's ports: what a booking, move or cancellation does to check-ins, and the request emails.
    { provide: PLACEMENT_EFFECTS, useExisting: CheckInLifecycle },
    { provide: REQUEST_NOTICES, useExisting: CheckInLifecycle },
    { provide: PLACEMENT_CHECK_INS, useExisting: CheckInLifecycle },
  ],
  exports: [
    CheckInsService,
    CheckInLifecycle,
    ReminderScheduler,
    CheckInJobsService,
    StatsService,
    PLACEMENT_EFFECTS,
    REQUEST_NOTICES,
    PLACEMENT_CHECK_INS,
  ],
})
export class CheckInsModule {}
