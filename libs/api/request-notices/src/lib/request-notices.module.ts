import { Module } from '@nestjs/common';
import { REQUEST_NOTICES } from '@stint/api-core';
import { ApprovalNudgeJob } from './approval-nudge.job';
import { ApprovalNudgeScheduler } from './approval-nudge.scheduler';
import { RequestNoticesService } from './request-notices.service';

/**
 * Provides booking's `REQUEST_NOTICES` port and the `approval-nudge` job.
 * Needs the global core, TypeORM, jobs and notifications modules.
 */
@Module({
  providers: [
    RequestNoticesService,
    ApprovalNudgeScheduler,
    ApprovalNudgeJob,
    { provide: REQUEST_NOTICES, useExisting: RequestNoticesService },
  ],
  exports: [REQUEST_NOTICES, ApprovalNudgeJob],
})
export class RequestNoticesModule {}
