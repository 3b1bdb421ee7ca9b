import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, Clock, loadPolicy, TransactionRunner } from '@stint/api-core';
import { JobName, JobPayloads, jobIds, QueueName, QueueService } from '@stint/api-jobs';
import { OutboxService } from '@stint/api-notifications';
import { todayIn } from '@stint/scheduling';
import { DataSource, EntityManager } from 'typeorm';
import { dueJobs } from './check-in-status';
import { KIND_LABEL } from './invites';
import { loadParties, localTime, Person, uniquePeople } from './parties';
import { NUDGE_HOURS, ReminderScheduler } from './reminder-scheduler.service';

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
    private readonly scheduler: ReminderScheduler,
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
      if (!c) return;
      const parties = await loadParties(m, c.pm_id, c.team_id);
      const label = KIND_LABEL[c.kind] ?? c.kind;
      for (const person of uniquePeople([parties.pm, parties.hostManager])) {
        await this.outbox.record(m, {
          kind: 'checkin_reminder',
          to: person,
          dedupeKey: `checkin_reminder:${c.id}:${new Date(scheduledAt).getTime()}:${person.id}`,
          related: { type: 'check_in', id: c.id },
          content: {
            subject: `Coming up: ${label} for ${parties.pm.name} (${parties.team.name})`,
            heading: `${label} coming up`,
            paragraphs: [
              `${label} for ${parties.pm.name}'s rotation in ${parties.team.name} is at ${localTime(new Date(scheduledAt), person.timezone)}.`,
              person.id === parties.pm.id ? 'Take a moment beforehand to note what you learned; you will rate negotiation, closing and persistence.' : 'Add your feedback on the check-in page afterwards.',
            ],
            action: { label: 'Open the check-in', url: `${this.config.appUrl}/check-ins/${c.id}` },
          },
        });
      }
    });
  }

  async overdue({ checkInId, scheduledAt }: JobPayloads[JobName.CheckInOverdue]): Promise<void> {
    await this.tx.run(async (m) => {
      const c = await this.openCheckIn(m, checkInId, scheduledAt);
      if (!c) return;
      const parties = await loadParties(m, c.pm_id, c.team_id);
      const label = KIND_LABEL[c.kind] ?? c.kind;
      for (const person of uniquePeople([parties.pm, parties.lineManager])) {
        await this.outbox.record(m, {
          kind: 'checkin_overdue',
          to: person,
          dedupeKey: `checkin_overdue:${c.id}:${new Date(scheduledAt).getTime()}:${person.id}`,
          related: { type: 'check_in', id: c.id },
          content: {
            subject: `Overdue: ${label} for ${parties.pm.name} (${parties.team.name})`,
            heading: `${label} is overdue`,
            paragraphs: [
              `${label} of ${parties.pm.name}'s rotation in ${parties.team.name} was due ${localTime(new Date(scheduledAt), person.timezone)} and has no reflection yet.`,
              person.id === parties.pm.id ? 'File your reflection now: it takes two minutes.' : `As ${parties.pm.name}'s line manager, please give them a nudge.`,
            ],
            action: { label: 'Open the check-in', url: `${this.config.appUrl}/check-ins/${c.id}` },
          },
        });
      }
    });
  }

  async approvalNudge({ requestId, status, pendingSince, hours }: JobPayloads[JobName.ApprovalNudge]): Promise<void> {
    await this.tx.run(async (m) => {
      const rows: Array<{ id: string; pm_id: string; team_id: string; start_date: string; end_date: string }> = await m.query(
        `SELECT id, pm_id, team_id, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date
           FROM rotation_requests WHERE id = $1 AND status = $2 AND pending_since = $3`,
        [requestId, status, pendingSince],
      );
      const r = rows[0];
      if (!r) return; // decided, withdrawn or edited since: nothing to nudge
      const parties = await loadParties(m, r.pm_id, r.team_id);
      const approver: Person | null = status === 'pending_manager' ? parties.lineManager : parties.hostManager;
      const url = `${this.config.appUrl}/approvals/${r.id}`;
      const facts: Array<[string, string]> = [
        ['PM', parties.pm.name],
        ['Team', parties.team.name],
        ['Dates', `${r.start_date} to ${r.end_date}`],
        ['Waiting since', new Date(pendingSince).toISOString()],
      ];
      if (hours < 72) {
        if (!approver) return;
        await this.outbox.record(m, {
          kind: 'approval_reminder',
          to: approver,
          dedupeKey: `approval_reminder:${r.id}:${status}:${new Date(pendingSince).getTime()}:${hours}`,
          related: { type: 'rotation_request', id: r.id },
          content: {
            subject: `Reminder: ${parties.pm.name}'s rotation in ${parties.team.name} waits for you (${hours} h)`,
            heading: 'A rotation request is waiting for your decision',
            paragraphs: [`It has waited ${hours} hours. Approve or decline it so ${parties.pm.name} can plan.`],
            facts,
            action: { label: 'Decide now', url },
          },
        });
        return;
      }
      const admins: Person[] = await m.query(`SELECT id, name, email::text AS email, timezone FROM users WHERE role = 'admin' AND active ORDER BY email`);
      for (const admin of admins) {
        await this.outbox.record(m, {
          kind: 'approval_escalated',
          to: admin,
          dedupeKey: `approval_escalated:${r.id}:${status}:${new Date(pendingSince).getTime()}:${admin.id}`,
          related: { type: 'rotation_request', id: r.id },
          content: {
            subject: `Escalation: ${approver?.name ?? 'an approver'} has held ${parties.pm.name}'s rotation for 72 h`,
            heading: 'A rotation request is stuck',
            paragraphs: [
              `${parties.pm.name}'s request to join ${parties.team.name} has waited 72 hours for ${approver ? `${approver.name} (${approver.email})` : 'a line manager, and the PM has none'} to ${status === 'pending_manager' ? 'release them' : 'agree to host'}.`,
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
    const managers: Person[] = await this.db.query(`SELECT id, name, email::text AS email, timezone FROM users WHERE role = 'manager' AND active`);
    const hours = (await loadPolicy(this.db.manager)).overdueAfterHours;
    let sent = 0;
    for (const manager of managers) {
      const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: manager.timezone, hour: '2-digit', hour12: false }).format(now)) % 24;
      if (hour !== 8) continue;
      const localDay = todayIn(manager.timezone, now);
      const created = await this.tx.run(async (m) => {
        const pending: Array<{ id: string; pm: string; team: string; status: string }> = await m.query(
          `SELECT r.id, pm.name AS pm, t.name::text AS team, r.status FROM rotation_requests r
             JOIN users pm ON pm.id = r.pm_id JOIN teams t ON t.id = r.team_id
            WHERE (r.status = 'pending_manager' AND pm.manager_id = $1) OR (r.status = 'pending_host' AND t.manager_id = $1)
            ORDER BY r.created_at`,
          [manager.id],
        );
        const scope = `FROM check_ins c JOIN placements p ON p.id = c.placement_id JOIN users pm ON pm.id = p.pm_id JOIN teams t ON t.id = p.team_id
            WHERE c.completed_at IS NULL AND c.cancelled_at IS NULL AND p.cancelled_at IS NULL AND (pm.manager_id = $1 OR t.manager_id = $1)`;
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
          ...(pending.length ? [{ title: `Waiting for your decision (${pending.length})`, lines: pending.map((p) => `${p.pm} → ${p.team} (${p.status === 'pending_manager' ? 'release' : 'host'})`) }] : []),
          ...(today.length ? [{ title: `Check-ins today (${today.length})`, lines: today.map((c) => `${c.pm} — ${KIND_LABEL[c.kind] ?? c.kind} at ${localTime(new Date(c.scheduled_at), manager.timezone)}`) }] : []),
          ...(overdue.length ? [{ title: `Overdue check-ins (${overdue.length})`, lines: overdue.map((c) => `${c.pm} — ${KIND_LABEL[c.kind] ?? c.kind}, due ${localTime(new Date(c.scheduled_at), manager.timezone)}`) }] : []),
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
   * Makes Redis mirror PostgreSQL: every future reminder, overdue and
   * approval job PostgreSQL implies exists (adds are idempotent by id),
   * orphans are removed, and every pending notification is queued.
   */
  async reconcile(): Promise<{ scheduled: number; orphansRemoved: number; emailsQueued: number }> {
    const now = this.clock.now();
    const policy = await loadPolicy(this.db.manager);
    const expected = new Set<string>();
    let scheduled = 0;

    const open: Array<{ id: string; scheduled_at: Date }> = await this.db.query(
      `SELECT c.id, c.scheduled_at FROM check_ins c JOIN placements p ON p.id = c.placement_id
        WHERE c.completed_at IS NULL AND c.cancelled_at IS NULL AND p.cancelled_at IS NULL
          AND c.scheduled_at + make_interval(hours => $1::int) > $2::timestamptz - interval '1 hour'`,
      [policy.overdueAfterHours, now.toISOString()],
    );
    for (const c of open) {
      const at = new Date(c.scheduled_at);
      const due = dueJobs(at, now, policy);
      if (due.reminderAt) expected.add(jobIds.checkInReminder(c.id, at));
      expected.add(jobIds.checkInOverdue(c.id, at));
      await this.scheduler.scheduleCheckIn({ id: c.id, scheduledAt: at }, policy);
      scheduled++;
    }

    const pending: Array<{ id: string; status: 'pending_manager' | 'pending_host'; pending_since: Date }> = await this.db.query(
      `SELECT id, status, pending_since FROM rotation_requests WHERE status IN ('pending_manager', 'pending_host') AND pending_since > $1::timestamptz - interval '73 hours'`,
      [now.toISOString()],
    );
    for (const r of pending) {
      const since = new Date(r.pending_since);
      for (const hours of NUDGE_HOURS) expected.add(jobIds.approvalNudge(r.id, r.status, since, hours));
      await this.scheduler.scheduleApprovalNudges({ id: r.id, status: r.status, pendingSince: since });
    }

    let orphansRemoved = 0;
    for await (const job of this.queues.pendingJobIds(QueueName.Reminders)) {
      if (!expected.has(job.id) && (job.id.startsWith('checkin-') || job.id.startsWith('approval-nudge-'))) {
        await this.queues.remove(QueueName.Reminders, job.id);
        orphansRemoved++;
      }
    }

    const emails: Array<{ id: string }> = await this.db.query(`SELECT id FROM notifications WHERE status = 'pending' ORDER BY created_at`);
    for (const e of emails) await this.queues.add(JobName.SendEmail, { notificationId: e.id }, { jobId: jobIds.sendEmail(e.id) });
    const summary = { scheduled, orphansRemoved, emailsQueued: emails.length };
    this.logger.log(`Reconciled Redis with PostgreSQL: ${scheduled} check-ins scheduled, ${pending.length} pending requests, ${orphansRemoved} orphan jobs removed, ${emails.length} pending emails queued.`);
    return summary;
  }
}

