import { SQL_ISO } from '@stint/api-core';
import { OVERDUE_LATE_LIMIT_MS, SKIP_TEMPLATES } from '@stint/api-jobs';
import type { EntityManager } from 'typeorm';

type Sql = Pick<EntityManager, 'query'>;

/** An open check-in whose overdue job is still owed; `reminded` when its reminder ran already. */
export interface OwedCheckIn {
  id: string;
  scheduled_at: Date;
  reminded: boolean;
}

/** A waiting request with the nudge steps already run for this wait. */
export interface OwedNudges {
  id: string;
  status: 'pending_manager' | 'pending_host';
  pending_since: Date;
  done: number[];
}

/**
 * Check-ins scheduled before this instant (SQL over the given placeholders: a moment, the overdue hours, the late
 * limit in ms) have an escalation more than OVERDUE_LATE_LIMIT_MS late: recorded as skipped, never owed.
 */
const hopelessBefore = (at: string, hours: string, lateMs: string) =>
  `${at}::timestamptz - make_interval(hours => ${hours}::int) - make_interval(secs => ${lateMs}::double precision / 1000)`;

const OPEN_CHECK_INS = `FROM check_ins c JOIN placements p ON p.id = c.placement_id
       WHERE c.completed_at IS NULL AND c.cancelled_at IS NULL AND p.cancelled_at IS NULL`;

/**
 * Records, set-wise, the owed jobs that can no longer help: reminders of
 * check-ins that have begun (recorded as sent when an older version of
 * Stint already sent one) and overdue escalations more than 7 days late.
 * The handlers apply the same rules one job at a time. Returns how many.
 * With `since` (the previous tick's "now"), only the runs that became
 * hopeless after it: the earlier ones that tick recorded.
 */
export async function skipHopelessRuns(
  m: Sql,
  now: Date,
  policy: { reminderLeadHours: number; overdueAfterHours: number },
  since: Date | null = null,
): Promise<number> {
  const [, reminders] = (await m.query(
    `INSERT INTO job_runs (kind, subject_id, subject_at, step, due_at, ran_at, outcome, reason)
     SELECT 'checkin_reminder', c.id, c.scheduled_at, 0, c.scheduled_at - make_interval(hours => $2::int), $1::timestamptz,
            CASE WHEN EXISTS (SELECT 1 FROM notifications n WHERE n.related_id = c.id AND n.kind = 'checkin_reminder') THEN 'sent' ELSE 'skipped' END,
            CASE WHEN EXISTS (SELECT 1 FROM notifications n WHERE n.related_id = c.id AND n.kind = 'checkin_reminder') THEN NULL
                 ELSE replace($3, '{at}', ${SQL_ISO('c.scheduled_at')}) END
       ${OPEN_CHECK_INS} AND c.scheduled_at <= $1::timestamptz AND ($4::timestamptz IS NULL OR c.scheduled_at > $4::timestamptz)
     ON CONFLICT DO NOTHING`,
    [now.toISOString(), policy.reminderLeadHours, SKIP_TEMPLATES.checkInBegun, since?.toISOString() ?? null],
  )) as [unknown, number];
  const [, overdue] = (await m.query(
    `INSERT INTO job_runs (kind, subject_id, subject_at, step, due_at, ran_at, outcome, reason)
     SELECT 'checkin_overdue', c.id, c.scheduled_at, 0, c.scheduled_at + make_interval(hours => $2::int), $1::timestamptz, 'skipped',
            replace($4, '{at}', ${SQL_ISO('c.scheduled_at + make_interval(hours => $2::int)')})
       ${OPEN_CHECK_INS} AND c.scheduled_at < ${hopelessBefore('$1', '$2', '$3')}
         AND ($5::timestamptz IS NULL OR c.scheduled_at >= ${hopelessBefore('$5', '$2', '$3')})
     ON CONFLICT DO NOTHING`,
    [
      now.toISOString(),
      policy.overdueAfterHours,
      OVERDUE_LATE_LIMIT_MS,
      SKIP_TEMPLATES.tooLate,
      since?.toISOString() ?? null,
    ],
  )) as [unknown, number];
  return (reminders ?? 0) + (overdue ?? 0);
}

/** Which open check-ins a tick looks at: those with a job due by `horizonEnd`, narrowed on a tick of changes. */
export interface OwedScope {
  /** The last moment whose jobs belong in Redis now. */
  horizonEnd: Date;
  /**
   * A tick of changes: check-ins written since `changedSince` (the database's clock) or whose moments came within
   * reach since `previousEnd` (the previous tick's horizon end, by the Clock, less an overlap). Null for a full tick.
   */
  changes: { changedSince: Date; previousEnd: Date } | null;
  policy: { reminderLeadHours: number; overdueAfterHours: number };
  /** The tick's moment: check-ins whose escalation is hopeless by then are left out (skipHopelessRuns recorded them). */
  now: Date;
}

/**
 * Open check-ins of live placements whose overdue job the ledger does not show as run and which owe a job due by
 * the horizon's end (the reminder, lead hours before, is the earliest), found on the open check-ins' index. On a
 * tick of changes, only those written since (created or moved, on their own index) and those whose reminder or
 * overdue moment came within the horizon since the previous tick.
 */
export function owedCheckIns(m: Sql, scope: OwedScope): Promise<OwedCheckIn[]> {
  const { horizonEnd, changes, policy, now } = scope;
  return m.query(
    `SELECT c.id, c.scheduled_at,
            EXISTS (SELECT 1 FROM job_runs j WHERE j.kind = 'checkin_reminder' AND j.subject_id = c.id AND j.subject_at = c.scheduled_at) AS reminded
       FROM check_ins c JOIN placements p ON p.id = c.placement_id
      WHERE c.completed_at IS NULL AND c.cancelled_at IS NULL AND p.cancelled_at IS NULL
        AND c.scheduled_at <= $1::timestamptz + make_interval(hours => $4::int) AND c.scheduled_at >= ${hopelessBefore('$6', '$5', '$7')}
        AND ($2::timestamptz IS NULL OR c.updated_at >= $2::timestamptz
             OR c.scheduled_at > $3::timestamptz + make_interval(hours => $4::int)
             OR (c.scheduled_at > $3::timestamptz - make_interval(hours => $5::int)
                 AND c.scheduled_at <= $1::timestamptz - make_interval(hours => $5::int)))
        AND NOT EXISTS (SELECT 1 FROM job_runs j WHERE j.kind = 'checkin_overdue' AND j.subject_id = c.id AND j.subject_at = c.scheduled_at)`,
    [
      horizonEnd.toISOString(),
      changes?.changedSince.toISOString() ?? null,
      changes?.previousEnd.toISOString() ?? null,
      policy.reminderLeadHours,
      policy.overdueAfterHours,
      now.toISOString(),
      OVERDUE_LATE_LIMIT_MS,
    ],
  );
}

/**
 * Every waiting request, with the nudge steps the ledger shows as run for its current wait; with `changedSince`
 * (the database's clock), only those written or set waiting since.
 */
export function owedNudges(m: Sql, changedSince: Date | null = null): Promise<OwedNudges[]> {
  return m.query(
    `SELECT r.id, r.status, r.pending_since,
            COALESCE((SELECT array_agg(j.step) FROM job_runs j WHERE j.kind = 'approval_nudge' AND j.subject_id = r.id AND j.subject_at = r.pending_since), '{}') AS done
       FROM rotation_requests r WHERE r.status IN ('pending_manager', 'pending_host')
        AND ($1::timestamptz IS NULL OR r.updated_at >= $1::timestamptz OR r.pending_since >= $1::timestamptz)`,
    [changedSince?.toISOString() ?? null],
  );
}
