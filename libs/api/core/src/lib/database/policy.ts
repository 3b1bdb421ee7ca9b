import type { Policy } from '@stint/scheduling';
import type { EntityManager } from 'typeorm';
import { asQuery, namedStatement } from './named-statement';

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

/**
 * The policy row as one JSON value shaped as `Policy`, for a statement that reads it beside something else
 * (a booking reads it with the team lock: one round trip fewer); `rememberPolicy` then keeps it for the transaction.
 */
export const POLICY_JSON = `(SELECT json_build_object('minWeeks', min_weeks, 'maxWeeks', max_weeks, 'checkinTime', checkin_time,
    'reminderLeadHours', reminder_lead_hours, 'overdueAfterHours', overdue_after_hours, 'followUpDays', follow_up_days,
    'offerHoldHours', offer_hold_hours, 'skills', skills, 'pulseAfterDays', pulse_after_days, 'minLeadDays', min_lead_days)
   FROM policy WHERE id = 1)`;

const READ_POLICY = namedStatement(`SELECT ${POLICY_JSON} AS policy`);

/** Keeps a policy read in this transaction (see POLICY_JSON) for its later `loadPolicy` calls. */
export function rememberPolicy(m: EntityManager, policy: Policy): void {
  if (m.queryRunner?.isTransactionActive) readInTransaction.set(m, Promise.resolve(policy));
}

async function readPolicy(m: EntityManager): Promise<Policy> {
  const rows: Array<{ policy: Policy | null }> = await m.query(asQuery(READ_POLICY));
  const policy = rows[0]?.policy;
  if (!policy) throw new Error('the policy row is missing');
  return policy;
}
