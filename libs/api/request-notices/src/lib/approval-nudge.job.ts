import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, MetricsService, TransactionRunner } from '@stint/api-core';
import { EARLY_TOLERANCE_MS, JobName, JobPayloads, recordRun, skipReason } from '@stint/api-jobs';
import { loadParties, localRange, localTime, OutboxService, Person } from '@stint/api-notifications';
import { NUDGE_HOURS } from './approval-nudge-jobs';
import { activeAdmins, stillWaiting } from './approval-nudge.queries';

const HOUR = 3_600_000;

/**
 * The `approval-nudge` job: 24 and 48 hours into a wait it reminds the
 * approver (the line manager to release, or the host manager to host); at 72
 * hours it tells every admin. Returns quietly when the request was decided,
 * withdrawn or edited since; after a gap only the latest step due goes out.
 */
@Injectable()
export class ApprovalNudgeJob {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run({ requestId, status, pendingSince, hours }: JobPayloads[JobName.ApprovalNudge]): Promise<void> {
    await this.tx.run(async (m) => {
      const r = await stillWaiting(m, requestId, status, pendingSince);
      if (!r) return; // decided, withdrawn or edited since: nothing to nudge
      const now = this.clock.now();
      const since = new Date(pendingSince);
      const dueAt = new Date(since.getTime() + hours * HOUR);
      if (now.getTime() < dueAt.getTime() - EARLY_TOLERANCE_MS) return;
      const run = {
        kind: 'approval_nudge' as const,
        subjectId: r.id,
        subjectAt: since,
        step: hours,
        dueAt,
        ranAt: now,
      };
      // After a gap, only the latest step that is due goes out.
      const latest = Math.max(
        ...NUDGE_HOURS.filter((h) => now.getTime() >= since.getTime() + h * HOUR - EARLY_TOLERANCE_MS),
      );
      if (latest > hours) {
        await recordRun(m, { ...run, outcome: 'skipped', reason: skipReason.superseded(latest) });
        return;
      }
      if (!(await recordRun(m, { ...run, outcome: 'sent' }))) return;
      const parties = await loadParties(m, r.pm_id, r.team_id);
      const approver: Person | null = status === 'pending_manager' ? parties.lineManager : parties.hostManager;
      const url = `${this.config.appUrl}/approvals/${r.id}`;
      // In each reader's own locale and zone.
      const facts = (reader: Person): Array<[string, string]> => [
        ['PM', parties.pm.name],
        ['Team', parties.team.name],
        ['Dates', localRange(r.start_date, r.end_date, reader)],
        ['Waiting since', localTime(since, reader)],
      ];
      this.metrics.reminderLateness.observe(
        { kind: 'approval_nudge' },
        Math.max(0, now.getTime() - dueAt.getTime()) / 1000,
      );
      const waited = Math.floor((now.getTime() - since.getTime()) / HOUR);
      if (hours < 72) {
        if (!approver) return;
        await this.outbox.record(m, {
          kind: 'approval_reminder',
          to: approver,
          dedupeKey: `approval_reminder:${r.id}:${status}:${since.getTime()}:${hours}`,
          related: { type: 'rotation_request', id: r.id },
          content: {
            subject: `Reminder: ${parties.pm.name}'s rotation in ${parties.team.name} waits for you (${hours} h)`,
            heading: 'A rotation request is waiting for your decision',
            paragraphs: [
              `It has waited ${Math.max(hours, waited)} hours. Approve or decline it so ${parties.pm.name} can plan.`,
            ],
            facts: facts(approver),
            action: { label: 'Decide now', url },
          },
        });
        return;
      }
      const held = Math.max(72, waited);
      const holder = approver ? `${approver.name} (${approver.email})` : 'a line manager, and the PM has none';
      const step = status === 'pending_manager' ? 'release them' : 'agree to host';
      for (const admin of await activeAdmins(m)) {
        await this.outbox.record(m, {
          kind: 'approval_escalated',
          to: admin,
          dedupeKey: `approval_escalated:${r.id}:${status}:${since.getTime()}:${admin.id}`,
          related: { type: 'rotation_request', id: r.id },
          content: {
            subject: `Escalation: ${approver?.name ?? 'an approver'} has held ${parties.pm.name}'s rotation for ${held} h`,
            heading: 'A rotation request is stuck',
            paragraphs: [
              `${parties.pm.name}'s request to join ${parties.team.name} has waited ${held} hours for ${holder} to ${step}.`,
              'As an admin you may decide in their place.',
            ],
            facts: facts(admin),
            action: { label: 'Open the request', url },
          },
        });
      }
    });
  }
}
