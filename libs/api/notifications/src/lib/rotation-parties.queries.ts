import { asQuery, namedStatement } from '@stint/api-core';
import type { EntityManager } from 'typeorm';
import type { RotationParties } from './rotation-parties';

const person = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'email', ${alias}.email::text,
                     'timezone', ${alias}.timezone, 'locale', ${alias}.locale)`;

/**
 * The PM (`pm`, a placeholder or column), their line manager, the team (`team`) and its host manager as one JSON
 * value shaped as `RotationParties` (null when there is no such PM or team): for `loadParties`, and for a
 * statement that reads the parties beside something else (a booking's locks), with `rememberParties` after it.
 * `teams`: where the team row is read, `teams` or a CTE of it (the row a lock returned, as it is after the wait).
 */
export function partiesJson(pm: string, team: string, teams = 'teams'): string {
  return `(SELECT json_build_object('pm', ${person('pm')},
            'lineManager', CASE WHEN lm.id IS NULL THEN NULL ELSE ${person('lm')} END,
            'hostManager', ${person('hm')},
            'team', json_build_object('id', t.id, 'name', t.name::text, 'timezone', t.timezone, 'holidayCountry', t.holiday_country))
       FROM users pm
       JOIN ${teams} t ON t.id = ${team}
       JOIN users hm ON hm.id = t.manager_id
       LEFT JOIN users lm ON lm.id = pm.manager_id
      WHERE pm.id = ${pm})`;
}

/**
 * Parties a transaction has read with its locks, for its later `loadParties` calls: a booking reads them with
 * the team lock, and its emails need them again a moment later. Only a transaction's own manager is remembered,
 * and only until it ends (the manager is then dropped); no transaction that takes a booking's locks changes a
 * user or a team.
 */
const readInTransaction = new WeakMap<EntityManager, Map<string, RotationParties>>();

const key = (pmId: string, teamId: string) => `${pmId}:${teamId}`;

/** Keeps parties read in this transaction (see partiesJson) for its later `loadParties` calls. */
export function rememberParties(m: EntityManager, pmId: string, teamId: string, parties: RotationParties): void {
  if (!m.queryRunner?.isTransactionActive) return;
  const held = readInTransaction.get(m) ?? new Map<string, RotationParties>();
  held.set(key(pmId, teamId), parties);
  readInTransaction.set(m, held);
}

const LOAD_PARTIES = namedStatement(`SELECT ${partiesJson('$1::uuid', '$2::uuid')} AS parties`);

/** The PM, their line manager, the team and its (host) manager. */
export async function loadParties(m: EntityManager, pmId: string, teamId: string): Promise<RotationParties> {
  const held = m.queryRunner?.isTransactionActive ? readInTransaction.get(m)?.get(key(pmId, teamId)) : undefined;
  if (held) return held;
  const rows: Array<{ parties: RotationParties | null }> = await m.query(asQuery(LOAD_PARTIES), [pmId, teamId]);
  const parties = rows[0]?.parties;
  if (!parties) throw new Error(`No PM ${pmId} or team ${teamId}`);
  return parties;
}
