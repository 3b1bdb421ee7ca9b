import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
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
  providers: [CheckInsService, CheckInLifecycle, ReminderScheduler, CheckInJobsService, StatsService],
  exports: [CheckInsService, CheckInLifecycle, ReminderScheduler, CheckInJobsService, StatsService],
})
export class CheckInsModule {}
