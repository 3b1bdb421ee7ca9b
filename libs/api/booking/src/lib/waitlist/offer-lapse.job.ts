import { Injectable } from '@nestjs/common';
import { Clock, TransactionRunner } from '@stint/api-core';
import { JobName, JobPayloads } from '@stint/api-jobs';
import { RotationRequestEntity } from '../rotation-request.entity';
import { WaitlistMatcher } from './waitlist-matcher';

/**
 * The `offer-lapse` job: an offer nobody answered by `offerExpiresAt` lapses
 * and its place goes to the next in line, in one transaction. The request
 * row is the once-only gate: a job for an offer that was answered, or for an
 * earlier offer of the same request (another `offerVersion`), does nothing.
 */
@Injectable()
export class OfferLapseJob {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly matcher: WaitlistMatcher,
    private readonly clock: Clock,
  ) {}

  async run({ requestId, offerVersion }: JobPayloads[JobName.OfferLapse]): Promise<void> {
    await this.tx.run(async (m) => {
      const request = await m.findOne(RotationRequestEntity, {
        where: { id: requestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request || request.status !== 'offered' || request.offerVersion !== offerVersion) return;
      const expiresAt = request.offerExpiresAt?.getTime() ?? 0;
      if (this.clock.now().getTime() < expiresAt) {
        // Early (Redis's clock ahead of ours): fail, so BullMQ tries again a moment later. The PM keeps every
        // second of the hold their countdown shows.
        throw new Error(`Offer ${requestId}/${offerVersion} is not due until ${new Date(expiresAt).toISOString()}.`);
      }
      await this.matcher.lapse(m, request, 'expired');
      await this.matcher.freed(m, [request.teamId]);
    });
  }

  /**
   * The waitlist's share of the reconciler's tick: every team with a line is
   * matched again, so a place freed by a path that did not say so is still
   * offered, and requests whose start date has passed while they waited lapse.
   */
  async sweep(): Promise<void> {
    await this.tx.run((m) => this.matcher.freed(m, 'all'));
  }
}
