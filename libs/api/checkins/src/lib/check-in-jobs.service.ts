import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AppConfig,
  awaitingDecisionBy,
  Clock,
  loadPolicy,
  managedRotations,
  MetricsService,
  TransactionRunner,
} from '@stint/api-core';
import { DueJob, JobName, JobPayloads, QueueName, QueueService } from '@stint/api-jobs';
import { OutboxService, OutboxSweeper } from '@stint/api-notifications';
import { todayIn } from '@stint/scheduling';
import { DataSource, EntityManager } from 'typeorm';
import { KIND_LABEL } from './invites';
import { loadParties, localTime, Person, uniquePeople } from './parties';
import {
  EARLY_TOLERANCE_MS,
  OVERDUE_LATE_LIMIT_MS,
  recordRun,
  SKIP_TEMPLATES,
  skipReason,
  SQL_ISO,
} from './job-ledger';
import { checkInJobs, NUDGE_HOURS, nudgeJobs } from './reminder-scheduler.service';

const HOUR = 3_600_000;

interface OpenCheckIn {
  id: string;
  kind: string;
  scheduled_at: Date;
  placement_id: string;
  pm_id: string;
  team_id: string;
}

/**
 * The business side of the reminder jobs: decide and record what to send.
 * Each handler re-reads PostgreSQL and returns quietly when its subject has
 * moved on (completed, cancelled, rescheduled, decided), so a stale or
 * repeated job sends nothing.
 */
@Injectable()
export class CheckInJobsService {
  private readonly logger = new Logger(CheckInJobsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly queues: QueueService,
    private readonly sweeper: OutboxSweeper,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async openCheckIn(m: EntityManager, checkInId: string, scheduledAt: string): Promise<OpenCheckIn | null> {
    const rows: OpenCheckIn[] = await m.query(
      `SELECT c.id, c.kind, c.scheduled_at, c.placement_id, p.pm_id, p.team_id
         FROM check_ins c JOIN placements p ON p.id = c.placement_id
        WHERE c.id = $1 AND c.scheduled_at = $2 AND c.completed_at IS NULL AND c.cancelled_at IS NULL AND p.cancelled_at IS NULL`,
      [checkInId, scheduledAt],
    );
    return rows[0] ?? null;
  }

  async reminder({ checkInId, scheduledAt }: JobPayloads[JobName.CheckInReminder]): Promise<void> {
    await this.tx.run(async (m) => {
      const c = await this.openCheckIn(m, checkInId, scheduledAt);
      if (!c) return; // completed, cancelled or moved: the job is stale
      const now = this.clock.now();
      const at = new Date(scheduledAt);
      const policy = await loadPolicy(m);
      const dueAt = new Date(at.getTime() - policy.reminderLeadHours * HOUR);
      // The policy moved the reminder later since this job was made: the job for the new moment sends it.
      if (now.getTime() < dueAt.getTime() - EARLY_TOLERANCE_MS) return;
      const run = { kind: 'checkin_reminder' as const, subjectId: c.id, subjectAt: at, dueAt, ranAt: now };
      if (now.getTime() >= at.getTime()) {
        if (await recordRun(m, { ...run, outcome: 'skipped', reason: skipReason.checkInBegun(at) }))
          this.logger.warn(`Skipped the reminder of check-in ${c.id}: ${skipReason.checkInBegun(at)}`);
        return;
      }
      if (!(await recordRun(m, { ...run, outcome: 'sent' }))) return;
      const parties = await loadParties(m, c.pm_id, c.team_id);
      const label = KIND_LABEL[c.kind] ?? c.kind;
      for (const person of uniquePeople([parties.pm, parties.hostManager])) {
        await this.outbox.record(m, {
          kind: 'checkin_reminder',
          to: person,
          dedupeKey: `checkin_reminder:${c.id}:${at.getTime()}:${person.id}`,
          related: { type: 'check_in', id: c.id },
          content: {
            subject: `Coming up: ${label} for ${parties.pm.name} (${parties.team.name})`,
            heading: `${label} coming up`,
            paragraphs: [
              `${label} for ${parties.pm.name}'s rotation in ${parties.team.name} is at ${localTime(at, person.timezone)}.`,
              person.id === parties.pm.id
                ? 'Take a moment beforehand to note what you learned; you will rate negotiation, closing and persistence.'
                : 'Add your feedback on the check-in page afterwards.',
            ],
            action: { label: 'Open the check-in', url: `${this.config.appUrl}/check-ins/${c.id}` },
          },
        });
      }
      this.metrics.reminderLateness.observe(
        { kind: 'checkin_reminder' },
        Math.max(0, now.getTime() - dueAt.getTime()) / 1000,
      );
    });
  }

  /** Decides from the current policy: a policy that moved the overdue moment later makes an early job do nothing. */
  async overdue({ checkInId, scheduledAt }: JobPayloads[JobName.CheckInOverdue]): Promise<void> {
    await this.tx.run(async (m) => {
      const c = await this.openCheckIn(m, checkInId, scheduledAt);
      if (!c) return;
      const now = this.clock.now();
      const at = new Date(scheduledAt);
      const policy = await loadPolicy(m);
      const dueAt = new Date(at.getTime() + policy.overdueAfterHours * HOUR);
      if (now.getTime() < dueAt.getTime() - EARLY_TOLERANCE_MS) return;
      const run = { kind: 'checkin_overdue' as const, subjectId: c.id, subjectAt: at, dueAt, ranAt: now };
      if (now.getTime() - dueAt.getTime() > OVERDUE_LATE_LIMIT_MS) {
        await recordRun(m, { ...run, outcome: 'skipped', reason: skipReason.tooLate(dueAt) });
        return;
      }
      if (!(await recordRun(m, { ...run, outcome: 'sent' }))) return;
      const parties = await loadParties(m, c.pm_id, c.team_id);
      const label = KIND_LABEL[c.kind] ?? c.kind;
      for (const person of uniquePeople([parties.pm, parties.lineManager])) {
        await this.outbox.record(m, {
          kind: 'checkin_overdue',
          to: person,
          dedupeKey: `checkin_overdue:${c.id}:${at.getTime()}:${person.id}`,
          related: { type: 'check_in', id: c.id },
          content: {
            subject: `Overdue: ${label} for ${parties.pm.name} (${parties.team.name})`,
            heading: `${label} is overdue`,
            paragraphs: [
              `${label} of ${parties.pm.name}'s rotation in ${parties.team.name} was due ${localTime(at, person.timezone)} and has no reflection yet.`,
              person.id === parties.pm.id
                ? 'File your reflection now: it takes two minutes.'
                : `As ${parties.pm.name}'s line manager, please give them a nudge.`,
            ],
            action: { label: 'Open the check-in', url: `${this.config.appUrl}/check-ins/${c.id}` },
          },
        });
      }
      this.metrics.reminderLateness.observe(
        { kind: 'checkin_overdue' },
        Math.max(0, now.getTime() - dueAt.getTime()) / 1000,
      );
    });
  }

  async approvalNudge({ requestId, status, pendingSince, hours }: JobPayloads[JobName.ApprovalNudge]): Promise<void> {
    await this.tx.run(async (m) => {
      const rows: Array<{ id: string; pm_id: string; team_id: string; start_date: string; end_date: string }> =
        await m.query(
          `SELECT id, pm_id, team_id, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date
           FROM rotation_requests WHERE id = $1 AND status = $2 AND pending_since = $3`,
          [requestId, status, pendingSince],
        );
      const r = rows[0];
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
      const facts: Array<[string, string]> = [
        ['PM', parties.pm.name],
        ['Team', parties.team.name],
        ['Dates', `${r.start_date} to ${r.end_date}`],
        ['Waiting since', since.toISOString()],
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
            facts,
            action: { label: 'Decide now', url },
          },
        });
        return;
      }
      const admins: Person[] = await m.query(
        `SELECT id, name, email::text AS email, timezone FROM users WHERE role = 'admin' AND active ORDER BY email`,
      );
      for (const admin of admins) {
        await this.outbox.record(m, {
          kind: 'approval_escalated',
          to: admin,
          dedupeKey: `approval_escalated:${r.id}:${status}:${since.getTime()}:${admin.id}`,
          related: { type: 'rotation_request', id: r.id },
          content: {
            subject: `Escalation: ${approver?.name ?? 'an approver'} has held ${parties.pm.name}'s rotation for ${Math.max(72, waited)} h`,
            heading: 'A rotation request is stuck',
            paragraphs: [
              `${parties.pm.name}'s request to join ${parties.team.name} has waited ${Math.max(72, waited)} hours for ${approver ? `${approver.name} (${approver.email})` : 'a line manager, and the PM has none'} to ${status === 'pending_manager' ? 'release them' : 'agree to host'}.`,
              'As an admin you may decide in their place.',
            ],
            facts,
            action: { label: 'Open the request', url },
          },
        });
      }
    });
  }

  /**
   * Runs hourly. Each manager whose local time is 08:xx gets one digest for
   * their local day, only if it has something in it.
   */
  async dailyDigest(): Promise<number> {
    const now = this.clock.now();
    const managers: Person[] = await this.db.query(
      `SELECT id, name, email::text AS email, timezone FROM users WHERE role = 'manager' AND active`,
    );
    const hours = (await loadPolicy(this.db.manager)).overdueAfterHours;
    let sent = 0;
    for (const manager of managers) {
      const hour =
        Number(
          new Intl.DateTimeFormat('en-GB', { timeZone: manager.timezone, hour: '2-digit', hour12: false }).format(now),
        ) % 24;
      if (hour !== 8) continue;
      const localDay = todayIn(manager.timezone, now);
      const created = await this.tx.run(async (m) => {
        const pending: Array<{ id: string; pm: string; team: string; status: string }> = await m.query(
          `SELECT r.id, pm.name AS pm, t.name::text AS team, r.status FROM rotation_requests r
             JOIN users pm ON pm.id = r.pm_id JOIN teams t ON t.id = r.team_id
            WHERE ${awaitingDecisionBy('$1')}
            ORDER BY r.created_at`,
          [manager.id],
        );
        const scope = `FROM check_ins c JOIN placements p ON p.id = c.placement_id JOIN users pm ON pm.id = p.pm_id JOIN teams t ON t.id = p.team_id
            WHERE c.completed_at IS NULL AND c.cancelled_at IS NULL AND p.cancelled_at IS NULL AND ${managedRotations('$1')}`;
        const today: Array<{ id: string; pm: string; kind: string; scheduled_at: Date }> = await m.query(
          `SELECT c.id, pm.name AS pm, c.kind, c.scheduled_at ${scope} AND (c.scheduled_at AT TIME ZONE $2)::date = $3::date ORDER BY c.scheduled_at`,
          [manager.id, manager.timezone, localDay],
        );
        const overdue: Array<{ id: string; pm: string; kind: string; scheduled_at: Date }> = await m.query(
          `SELECT c.id, pm.name AS pm, c.kind, c.scheduled_at ${scope} AND c.scheduled_at + make_interval(hours => $2::int) < $3::timestamptz ORDER BY c.scheduled_at`,
          [manager.id, hours, now.toISOString()],
        );
        if (!pending.length && !today.length && !overdue.length) return false;
        const sections = [
          ...(pending.length
            ? [
                {
                  title: `Waiting for your decision (${pending.length})`,
                  lines: pending.map(
                    (p) => `${p.pm} → ${p.team} (${p.status === 'pending_manager' ? 'release' : 'host'})`,
                  ),
                },
              ]
            : []),
          ...(today.length
            ? [
                {
                  title: `Check-ins today (${today.length})`,
                  lines: today.map(
                    (c) =>
                      `${c.pm} — ${KIND_LABEL[c.kind] ?? c.kind} at ${localTime(new Date(c.scheduled_at), manager.timezone)}`,
                  ),
                },
              ]
            : []),
          ...(overdue.length
            ? [
                {
                  title: `Overdue check-ins (${overdue.length})`,
                  lines: overdue.map(
                    (c) =>
                      `${c.pm} — ${KIND_LABEL[c.kind] ?? c.kind}, due ${localTime(new Date(c.scheduled_at), manager.timezone)}`,
                  ),
                },
              ]
            : []),
        ];
        const id = await this.outbox.record(m, {
          kind: 'digest',
          to: manager,
          dedupeKey: `digest:${manager.id}:${localDay}`,
          content: {
            subject: `Stint today: ${pending.length} to decide, ${today.length} check-in${today.length === 1 ? '' : 's'}, ${overdue.length} overdue`,
            heading: `Good morning, ${manager.name}`,
            paragraphs: ['Here is what needs you today.'],
            sections,
            action: { label: 'Open the dashboard', url: `${this.config.appUrl}/` },
          },
        });
        return id !== null;
      });
      if (created) sent++;
    }
    return sent;
  }

  /**
   * Makes Redis mirror PostgreSQL. The ledger (job_runs) says which reminder,
   * overdue and nudge jobs are still owed, however long ago they fell due;
   * each of those gets its job (added if missing, brought forward if due),
   * jobs nobody owes any more are removed, and the outbox sweep queues every
   * pending email. Owed jobs that can no longer mean anything are recorded as
   * skipped here, in bulk, with their reason.
   */
  async reconcile(): Promise<{
    scheduled: number;
    skipped: number;
    added: number;
    orphansRemoved: number;
    emailsQueued: number;
  }> {
    const now = this.clock.now();
    const policy = await loadPolicy(this.db.manager);
    const skipped = await this.skipHopeless(now, policy);

    const open: Array<{ id: string; scheduled_at: Date; reminded: boolean }> = await this.db.query(
      `SELECT c.id, c.scheduled_at,
              EXISTS (SELECT 1 FROM job_runs j WHERE j.kind = 'checkin_reminder' AND j.subject_id = c.id AND j.subject_at = c.scheduled_at) AS reminded
         FROM check_ins c JOIN placements p ON p.id = c.placement_id
        WHERE c.completed_at IS NULL AND c.cancelled_at IS NULL AND p.cancelled_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM job_runs j WHERE j.kind = 'checkin_overdue' AND j.subject_id = c.id AND j.subject_at = c.scheduled_at)`,
    );
    const expected: DueJob[] = open.flatMap((c) =>
      checkInJobs({ id: c.id, scheduledAt: new Date(c.scheduled_at) }, policy, now, {
        reminder: !c.reminded,
        overdue: true,
      }),
    );

    const pending: Array<{
      id: string;
      status: 'pending_manager' | 'pending_host';
      pending_since: Date;
      done: number[];
    }> = await this.db.query(
      `SELECT r.id, r.status, r.pending_since,
              COALESCE((SELECT array_agg(j.step) FROM job_runs j WHERE j.kind = 'approval_nudge' AND j.subject_id = r.id AND j.subject_at = r.pending_since), '{}') AS done
         FROM rotation_requests r WHERE r.status IN ('pending_manager', 'pending_host')`,
    );
    for (const r of pending) {
      const owed = NUDGE_HOURS.filter((h) => !r.done.includes(h));
      expected.push(...nudgeJobs({ id: r.id, status: r.status, pendingSince: new Date(r.pending_since) }, owed));
    }

    const { added } = await this.queues.ensureJobs(QueueName.Reminders, expected, now);
    const wanted = new Set(expected.map((j) => j.jobId));
    let orphansRemoved = 0;
    for (const id of await this.queues.pendingJobIds(QueueName.Reminders)) {
      if (!wanted.has(id) && (id.startsWith('checkin-') || id.startsWith('approval-nudge-'))) {
        await this.queues.remove(QueueName.Reminders, id);
        orphansRemoved++;
      }
    }
    const emails = await this.sweeper.sweep();
    const summary = { scheduled: open.length, skipped, added, orphansRemoved, emailsQueued: emails.added };
    this.logger.log(
      `Reconciled Redis with PostgreSQL: ${open.length} open check-ins and ${pending.length} pending requests owe ${expected.length} jobs, ${added} of them re-added; ${skipped} skipped as too late; ${orphansRemoved} orphan jobs removed; ${emails.added} email jobs re-queued.`,
    );
    return summary;
  }

  /**
   * Records, set-wise, the owed jobs that can no longer help: reminders of
   * check-ins that have begun (recorded as sent when an older version of
   * Stint already sent one) and overdue escalations more than 7 days late.
   * The handlers apply the same rules one job at a time.
   */
  private async skipHopeless(
    now: Date,
    policy: { reminderLeadHours: number; overdueAfterHours: number },
  ): Promise<number> {
    const open = `FROM check_ins c JOIN placements p ON p.id = c.placement_id
       WHERE c.completed_at IS NULL AND c.cancelled_at IS NULL AND p.cancelled_at IS NULL`;
    const [, reminders] = (await this.db.query(
      `INSERT INTO job_runs (kind, subject_id, subject_at, step, due_at, ran_at, outcome, reason)
       SELECT 'checkin_reminder', c.id, c.scheduled_at, 0, c.scheduled_at - make_interval(hours => $2::int), $1::timestamptz,
              CASE WHEN EXISTS (SELECT 1 FROM notifications n WHERE n.related_id = c.id AND n.kind = 'checkin_reminder') THEN 'sent' ELSE 'skipped' END,
              CASE WHEN EXISTS (SELECT 1 FROM notifications n WHERE n.related_id = c.id AND n.kind = 'checkin_reminder') THEN NULL
                   ELSE replace($3, '{at}', ${SQL_ISO('c.scheduled_at')}) END
         ${open} AND c.scheduled_at <= $1::timestamptz
       ON CONFLICT DO NOTHING`,
      [now.toISOString(), policy.reminderLeadHours, SKIP_TEMPLATES.checkInBegun],
    )) as [unknown, number];
    const [, overdue] = (await this.db.query(
      `INSERT INTO job_runs (kind, subject_id, subject_at, step, due_at, ran_at, outcome, reason)
       SELECT 'checkin_overdue', c.id, c.scheduled_at, 0, c.scheduled_at + make_interval(hours => $2::int), $1::timestamptz, 'skipped',
              replace($4, '{at}', ${SQL_ISO('c.scheduled_at + make_interval(hours => $2::int)')})
         ${open} AND c.scheduled_at + make_interval(hours => $2::int) < $1::timestamptz - make_interval(secs => $3::double precision / 1000)
       ON CONFLICT DO NOTHING`,
      [now.toISOString(), policy.overdueAfterHours, OVERDUE_LATE_LIMIT_MS, SKIP_TEMPLATES.tooLate],
    )) as [unknown, number];
    return (reminders ?? 0) + (overdue ?? 0);
  }
}
