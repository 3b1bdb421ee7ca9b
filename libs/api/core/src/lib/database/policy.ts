import type { Policy } from '@stint/scheduling';
import type { EntityManager } from 'typeorm';

/**
 * The policy as each transaction first read it: a booking reads it for its rules and again for its cadence.
 * Only a transaction's own manager is remembered (the pool's would be stale after a change), and only until the
 * transaction ends (the manager is then dropped). A transaction that changes the policy writes through the
 * entity and does not read it here.
 */
const readInTransaction = new WeakMap<EntityManager, Promise<Policy>>();

/** The programme's policy (one row), read in the caller's transaction or pool. */
export function loadPolicy(m: EntityManager): Promise<Policy> {
  if (!m.queryRunner?.isTransactionActive) return readPolicy(m);
  let policy = readInTransaction.get(m);
  if (!policy) {
    policy = readPolicy(m);
    readInTransaction.set(m, policy);
    policy.catch(() => readInTransaction.delete(m));
  }
  return policy;
}

async function readPolicy(m: EntityManager): Promise<Policy> {
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
