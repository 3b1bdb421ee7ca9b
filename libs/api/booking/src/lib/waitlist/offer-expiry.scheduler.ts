import { Injectable } from '@nestjs/common';
import { afterCommit, Clock } from '@stint/api-core';
import { DueJob, JobName, jobIds, QueueService } from '@stint/api-jobs';

/** An offer as its expiry job needs it. */
export interface OfferOut {
  id: string;
  offerVersion: number;
  offerExpiresAt: Date;
}

/** The delayed job that lapses an offer nobody answered, under an id naming the offer (request and version). */
export function offerLapseJob(offer: OfferOut): DueJob<JobName.OfferLapse> {
  return {
    name: JobName.OfferLapse,
    payload: { requestId: offer.id, offerVersion: offer.offerVersion },
    jobId: jobIds.offerLapse(offer.id, offer.offerVersion),
    dueAt: offer.offerExpiresAt,
  };
}

/**
 * Mirrors an offer's expiry into Redis once the offer commits. PostgreSQL
 * holds the truth (`offer_expires_at`): if this add is lost, the reconciler
 * adds the job again, and an expiry already past runs at once, late.
 */
@Injectable()
export class OfferExpiryScheduler {
  constructor(
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  scheduleAfterCommit(offer: OfferOut): void {
    const job = offerLapseJob(offer);
    afterCommit(() => this.queues.addAt(job.name, job.payload, job.jobId, job.dueAt, this.clock.now()));
  }
}
