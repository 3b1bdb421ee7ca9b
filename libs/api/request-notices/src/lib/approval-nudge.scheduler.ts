import { Injectable } from '@nestjs/common';
import { Clock } from '@stint/api-core';
import { QueueService } from '@stint/api-jobs';
import { nudgeJobs, WaitingRequest } from './approval-nudge-jobs';

/**
 * Mirrors into Redis, after a request starts waiting, its nudge jobs.
 * Idempotent (deterministic ids); whatever fails here (Redis away) the
 * reconciler adds later from PostgreSQL.
 */
@Injectable()
export class ApprovalNudgeScheduler {
  constructor(
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  async schedule(request: WaitingRequest): Promise<void> {
    const now = this.clock.now();
    for (const job of nudgeJobs(request))
      await this.queues.addAt(job.name, job.payload as never, job.jobId, job.dueAt, now);
  }
}
