import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, loadPolicy, MetricsService, TransactionRunner } from '@stint/api-core';
import { EARLY_TOLERANCE_MS, recordRun } from '@stint/api-jobs';
import {
  EmailContent,
  loadParties,
  OutboxService,
  Person,
  RotationParties,
  uniquePeople,
} from '@stint/api-notifications';
import type { Policy } from '@stint/scheduling';
import { KIND_LABEL } from '../invites';
import { openCheckIn } from './reminders.queries';

/** One kind of email about a coming or missed check-in, as its job handler defines it. */
export interface CheckInNotice {
  kind: 'checkin_reminder' | 'checkin_overdue';
  /** When the notice is due for a check-in at `at`, under the current policy. */
  dueAt(at: Date, policy: Policy): Date;
  /** Why sending now would be useless (recorded as skipped), or null to send. */
  skipReason(now: Date, at: Date, dueAt: Date): string | null;
  /** Logged as a warning when a skip is recorded, if given. */
  skipWarning?: (checkInId: string, reason: string) => string;
  recipients(parties: RotationParties, kind: string): Array<Person | null>;
  /** The email, without its action (every notice links to the check-in). */
  content(notice: {
    label: string;
    kind: string;
    parties: RotationParties;
    person: Person;
    at: Date;
  }): Omit<EmailContent, 'action'>;
}

/** What the email's button does for this reader: the pulse form, the host's assessment, or the check-in. */
function actionLabel(kind: string, person: Person, parties: RotationParties): string {
  if (kind === 'pulse') return 'Give the pulse';
  if (kind === 'final' && person.id === parties.hostManager.id) return 'Open it and give your assessment';
  return 'Open the check-in';
}

/**
 * Runs a check-in notice job. Re-reads PostgreSQL and returns quietly when
 * the check-in has moved on (completed, cancelled, rescheduled) or the policy
 * moved the moment later, so a stale or repeated job sends nothing; the job
 * ledger lets each occasion through once.
 */
@Injectable()
export class CheckInNotices {
  private readonly logger = new Logger(CheckInNotices.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(notice: CheckInNotice, job: { checkInId: string; scheduledAt: string }): Promise<void> {
    await this.tx.run(async (m) => {
      const c = await openCheckIn(m, job.checkInId, job.scheduledAt);
      if (!c) return; // completed, cancelled or moved: the job is stale
      const now = this.clock.now();
      const at = new Date(job.scheduledAt);
      const dueAt = notice.dueAt(at, await loadPolicy(m));
      // The policy moved the moment later since this job was made: the job for the new moment sends it.
      if (now.getTime() < dueAt.getTime() - EARLY_TOLERANCE_MS) return;
      const run = { kind: notice.kind, subjectId: c.id, subjectAt: at, dueAt, ranAt: now };
      const skipped = notice.skipReason(now, at, dueAt);
      if (skipped) {
        const recorded = await recordRun(m, { ...run, outcome: 'skipped', reason: skipped });
        if (recorded && notice.skipWarning) this.logger.warn(notice.skipWarning(c.id, skipped));
        return;
      }
      if (!(await recordRun(m, { ...run, outcome: 'sent' }))) return;
      const parties = await loadParties(m, c.pm_id, c.team_id);
      const label = KIND_LABEL[c.kind] ?? c.kind;
      for (const person of uniquePeople(notice.recipients(parties, c.kind))) {
        await this.outbox.record(m, {
          kind: notice.kind,
          to: person,
          dedupeKey: `${notice.kind}:${c.id}:${at.getTime()}:${person.id}`,
          related: { type: 'check_in', id: c.id },
          content: {
            ...notice.content({ label, kind: c.kind, parties, person, at }),
            action: { label: actionLabel(c.kind, person, parties), url: `${this.config.appUrl}/check-ins/${c.id}` },
          },
        });
      }
      this.metrics.reminderLateness.observe({ kind: notice.kind }, Math.max(0, now.getTime() - dueAt.getTime()) / 1000);
    });
  }
}
