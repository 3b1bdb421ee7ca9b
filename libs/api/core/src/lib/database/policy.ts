import type { Policy } from '@stint/scheduling';
import type { EntityManager } from 'typeorm';

/** The programme's policy (one row), read in the caller's transaction or pool. */
export async function loadPolicy(m: EntityManager): Promise<Policy> {
  const rows: Policy[] = await m.query(
    `SELECT min_weeks AS "minWeeks", max_weeks AS "maxWeeks", checkin_time AS "checkinTime",
            reminder_lead_hours AS "reminderLeadHours", overdue_after_hours AS "overdueAfterHours", follow_up_days AS "followUpDays",
            offer_hold_hours AS "offerHoldHours", skills, pulse_after_days AS "pulseAfterDays",
            min_lead_days AS "minLeadDays"
       FROM policy WHERE id = 1`,
  );
  const policy = rows[0];
  if (!policy) throw new Error('the policy row is missing');
  return policy;
}
