import type { EntityManager } from 'typeorm';
import type { Person, RotationParties } from './rotation-parties';

/** The PM, their line manager, the team and its (host) manager. */
export async function loadParties(m: EntityManager, pmId: string, teamId: string): Promise<RotationParties> {
  const rows: Array<Record<string, string | null>> = await m.query(
    `SELECT pm.id AS pm_id, pm.name AS pm_name, pm.email::text AS pm_email, pm.timezone AS pm_tz, pm.locale AS pm_locale,
            lm.id AS lm_id, lm.name AS lm_name, lm.email::text AS lm_email, lm.timezone AS lm_tz, lm.locale AS lm_locale,
            hm.id AS hm_id, hm.name AS hm_name, hm.email::text AS hm_email, hm.timezone AS hm_tz, hm.locale AS hm_locale,
            t.id AS t_id, t.name::text AS t_name, t.timezone AS t_tz, t.holiday_country AS t_hc
       FROM users pm
       JOIN teams t ON t.id = $2
       JOIN users hm ON hm.id = t.manager_id
       LEFT JOIN users lm ON lm.id = pm.manager_id
      WHERE pm.id = $1`,
    [pmId, teamId],
  );
  const r = rows[0];
  if (!r) throw new Error(`No PM ${pmId} or team ${teamId}`);
  const person = (prefix: string): Person => ({
    id: String(r[`${prefix}_id`]),
    name: String(r[`${prefix}_name`]),
    email: String(r[`${prefix}_email`]),
    timezone: String(r[`${prefix}_tz`]),
    locale: r[`${prefix}_locale`] ?? null,
  });
  return {
    pm: person('pm'),
    lineManager: r['lm_id'] ? person('lm') : null,
    hostManager: person('hm'),
    team: {
      id: String(r['t_id']),
      name: String(r['t_name']),
      timezone: String(r['t_tz']),
      holidayCountry: r['t_hc'] ?? null,
    },
  };
}
