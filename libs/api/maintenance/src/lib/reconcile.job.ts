import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { offerLapseJob, openOffers } from '@stint/api-booking';
import { Clock, loadPolicy } from '@stint/api-core';
import { checkInJobs, horizonEnd, nearJobs, REMINDER_HORIZON_HOURS } from '@stint/api-checkins';
import { DueJob, QueueName, QueueService } from '@stint/api-jobs';
import { OutboxSweeper } from '@stint/api-notifications';
import { NUDGE_HOURS, nudgeJobs } from '@stint/api-request-notices';
import { DataSource } from 'typeorm';
import { owedCheckIns, owedNudges, skipHopelessRuns } from './reconcile.queries';

/**
 * How far a tick of changes looks back before the previous tick began: longer than any transaction that could
 * have written a check-in then and committed after that tick read.
 */
export const CHANGES_OVERLAP_MS = 10 * 60_000;

export interface ReconcileSummary {
  /**
   * `full`: every open check-in within reach was looked at; `changes`: those written since the previous tick and
   * those whose moments came within reach since.
   */
  scope: 'full' | 'changes';
  /**
   * Open check-ins read (of the scope): those with a moment up to the horizon's end (the next 48 hours), past ones
   * included, whose overdue escalation is still owed.
   */
  scheduled: number;
  /** Owed jobs recorded as skipped, in bulk, as too late to help. */
  skipped: number;
  /** Jobs that were missing from Redis (lost, or come within the horizon) and were added. */
  added: number;
  /** Jobs in Redis that nobody owes within reach any more, removed. */
  orphansRemoved: number;
  /** Send jobs re-queued for pending emails. */
  emailsQueued: number;
  /** Waitlist offers out, each owing its expiry job (one already past runs at once, late). */
  offers: number;
}

/**
 * The `reconcile` job (the reconciler): makes Redis mirror PostgreSQL. The
 * ledger (job_runs) says which reminder, overdue and nudge jobs are still
 * owed, however long ago they fell due; each of those due within the next
 * 48 hours (REMINDER_HORIZON_HOURS) gets its job (added if missing, brought
 * forward if due), so Redis holds days of jobs, not the programme's years;
 * jobs nobody owes within the horizon are removed,
 * and the outbox sweep queues every pending email. Every waitlist offer out
 * owes its expiry job: a lost one is added again, due at once when the
 * offer's hold has already ended, so the lapse is applied late, never lost. Owed jobs that can no
 * longer mean anything are recorded as skipped here, in bulk, with their
 * reason. Runs in full at the worker's start, every hour, after a Redis
 * loss and after a policy change; every 10 minutes it looks only at what
 * changed since its previous tick (check-ins and waiting requests written
 * since, check-ins whose moments came within the horizon since, runs that
 * became hopeless since), so that its cost follows the changes and the
 * horizon, not the programme.
 */
@Injectable()
export class ReconcileJob {
  private readonly logger = new Logger(ReconcileJob.name);
  /** When this process's previous tick began: the Clock's "now" and the database's (check-ins' updated_at). */
  private previous: { now: Date; dbNow: Date } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queues: QueueService,
    private readonly sweeper: OutboxSweeper,
    private readonly clock: Clock,
  ) {}

  async run(scope: 'full' | 'changes' = 'full'): Promise<ReconcileSummary> {
    const now = this.clock.now();
    const [{ db_now: dbNow }] = (await this.db.query(`SELECT now() AS db_now`)) as [{ db_now: Date }];
    // A tick of changes needs a previous tick in this process to start from; the first one is full.
    const since = scope === 'changes' ? this.previous : null;
    const policy = await loadPolicy(this.db.manager);
    const skipped = await skipHopelessRuns(this.db, now, policy, since?.now ?? null);

    const changes = since
      ? {
          changedSince: new Date(since.dbNow.getTime() - CHANGES_OVERLAP_MS),
          previousEnd: horizonEnd(new Date(since.now.getTime() - CHANGES_OVERLAP_MS)),
        }
      : null;
    const changedSince = changes?.changedSince ?? null;
    // Read a little beyond the horizon: a job the API added by a clock slightly ahead of this one is kept, not
    // taken for an orphan.
    const open = await owedCheckIns(this.db, {
      horizonEnd: horizonEnd(new Date(now.getTime() + CHANGES_OVERLAP_MS)),
      changes,
      policy,
      now,
    });
    const owedJobs = open.flatMap((c) =>
      checkInJobs({ id: c.id, scheduledAt: new Date(c.scheduled_at) }, policy, now, {
        reminder: !c.reminded,
        overdue: true,
      }),
    );
    // Only the jobs due within the horizon go to Redis; a later tick adds the rest as their moments come near.
    const expected: DueJob[] = nearJobs(owedJobs, now);
    const pending = await owedNudges(this.db, changedSince);
    for (const r of pending) {
      const owed = NUDGE_HOURS.filter((h) => !r.done.includes(h));
      expected.push(...nudgeJobs({ id: r.id, status: r.status, pendingSince: new Date(r.pending_since) }, owed));
    }

    const offers = await openOffers(this.db.manager);
    expected.push(...offers.map(offerLapseJob));

    const { added } = await this.queues.ensureJobs(QueueName.Reminders, expected, now);
    // Orphans are found against every owed job within reach, so only a full tick can tell them.
    const orphansRemoved = since
      ? 0
      : await this.removeOrphans(new Set([...owedJobs, ...expected].map((j) => j.jobId)));
    const emails = await this.sweeper.sweep();
    this.previous = { now, dbNow: new Date(dbNow) };
    const summary: ReconcileSummary = {
      scope: since ? 'changes' : 'full',
      scheduled: open.length,
      skipped,
      added,
      orphansRemoved,
      emailsQueued: emails.added,
      offers: offers.length,
    };
    this.logger.log(
      `Reconciled Redis with PostgreSQL (${summary.scope}): ${open.length} open check-ins within reach (${REMINDER_HORIZON_HOURS} hours) and ${pending.length} pending requests and ${offers.length} offers out owe ${expected.length} jobs, ${added} of them added; ${skipped} skipped as too late; ${orphansRemoved} orphan jobs removed; ${emails.added} email jobs re-queued.`,
    );
    return summary;
  }

  /**
   * Removes the waiting reminder, nudge and offer-expiry jobs nobody owes within reach any more, 500 at a time
   * (after an upgrade from 0.16, a whole programme's far-off jobs leave Redis in the first full tick); returns how
   * many.
   */
  private async removeOrphans(wanted: Set<string>): Promise<number> {
    const orphans = [...(await this.queues.pendingJobIds(QueueName.Reminders))].filter(
      (id) => !wanted.has(id) && /^(checkin-|approval-nudge-|offer-lapse-)/.test(id),
    );
    for (let i = 0; i < orphans.length; i += 500)
      await Promise.all(orphans.slice(i, i + 500).map((id) => this.queues.remove(QueueName.Reminders, id)));
    return orphans.length;
  }
}
