import type { EntityManager } from 'typeorm';
import type { AuditEntryEntity } from './audit-entry.entity';
import type { AuditNames } from './audit-summary';

interface Subject {
  id: string;
  person: string;
  team: string;
  kind: string | null;
}

function idsOf(rows: AuditEntryEntity[], type: string): string[] {
  return [...new Set(rows.filter((r) => r.entityType === type).map((r) => r.entityId))];
}

function snapshotTeamId(r: AuditEntryEntity): string | null {
  for (const s of [r.after, r.before]) {
    const teamId = s && typeof s === 'object' ? (s as Record<string, unknown>)['teamId'] : null;
    if (typeof teamId === 'string') return teamId;
  }
  return null;
}

async function nameMap(m: EntityManager, table: 'users' | 'teams', ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; name: string }[] = await m.query(
    `SELECT id, name::text AS name FROM ${table} WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The PM and team behind each request, placement and check-in of the page, in one query. */
async function subjects(m: EntityManager, rows: AuditEntryEntity[]): Promise<Map<string, Subject>> {
  const requests = idsOf(rows, 'rotation_request');
  const placements = idsOf(rows, 'placement');
  const checkIns = idsOf(rows, 'check_in');
  if (requests.length + placements.length + checkIns.length === 0) return new Map();
  const found: Subject[] = await m.query(
    `SELECT x.id, u.name AS person, t.name::text AS team, x.kind
       FROM (SELECT id, pm_id, team_id, NULL::text AS kind FROM rotation_requests WHERE id = ANY($1::uuid[])
             UNION ALL
             SELECT id, pm_id, team_id, NULL::text FROM placements WHERE id = ANY($2::uuid[])
             UNION ALL
             SELECT c.id, p.pm_id, p.team_id, c.kind FROM check_ins c JOIN placements p ON p.id = c.placement_id
              WHERE c.id = ANY($3::uuid[])) x
       JOIN users u ON u.id = x.pm_id
       JOIN teams t ON t.id = x.team_id`,
    [requests, placements, checkIns],
  );
  return new Map(found.map((s) => [s.id, s]));
}

/** Names for every entry of a page, looked up in three queries whatever the page's size. */
export async function lookUpNames(
  m: EntityManager,
  rows: AuditEntryEntity[],
): Promise<(row: AuditEntryEntity) => AuditNames> {
  const teamIds = [...idsOf(rows, 'team'), ...rows.map(snapshotTeamId).filter((id): id is string => id !== null)];
  const userIds = [...idsOf(rows, 'user'), ...rows.map((r) => r.actorId).filter((id): id is string => id !== null)];
  const [users, teams, found] = await Promise.all([
    nameMap(m, 'users', userIds),
    nameMap(m, 'teams', teamIds),
    subjects(m, rows),
  ]);
  return (r) => {
    const subject = found.get(r.entityId);
    const teamId = r.entityType === 'team' ? r.entityId : snapshotTeamId(r);
    return {
      actor: r.actorId ? (users.get(r.actorId) ?? null) : null,
      person: subject?.person ?? null,
      team: subject?.team ?? (teamId ? (teams.get(teamId) ?? null) : null),
      user: r.entityType === 'user' ? (users.get(r.entityId) ?? null) : null,
      checkInKind: subject?.kind ?? null,
    };
  };
}
