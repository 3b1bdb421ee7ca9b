import type { RotationRequest, TeamWaitlist } from '@stint/contracts';
import { Actor, Fixtures } from './fixtures';
import { sql } from './sql';
import { call, CallResult } from './test-app';

/* The waitlist as the waitlist specs drive it: through the public API, as the host and the PM would. */

export type Json = Record<string, unknown>;

/**
 * A request released by the line manager, so it waits for the host. It is
 * asked with `waitlistIfFull`, as a PM who wants a full team's waitlist asks.
 */
export async function released(
  f: Fixtures,
  pm: Actor,
  lineManager: Actor,
  teamId: string,
  startDate: string,
  weeks = 2,
): Promise<RotationRequest> {
  const created = await call<RotationRequest>(f.base, 'POST', '/api/rotation-requests', {
    token: pm.token,
    body: { teamId, startDate, durationWeeks: weeks, goals: ['closing'], waitlistIfFull: true },
  });
  if (created.status !== 201) throw new Error(`requesting failed: ${created.status} ${JSON.stringify(created.body)}`);
  const request = created.body;
  const release = await f.approve(lineManager, request.id);
  if (release.status !== 200) throw new Error(`release failed: ${JSON.stringify(release.body)}`);
  return request;
}

export function post(f: Fixtures, actor: Actor, path: string, body: unknown = {}): Promise<CallResult<Json>> {
  return call<Json>(f.base, 'POST', path, { token: actor.token, body });
}

/** The host puts the request in line; fails the test unless it worked. */
export async function waitlist(f: Fixtures, host: Actor, requestId: string): Promise<RotationRequest> {
  const result = await call<RotationRequest>(f.base, 'POST', `/api/rotation-requests/${requestId}/waitlist`, {
    token: host.token,
  });
  if (result.status !== 200) throw new Error(`waitlisting failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

export async function getRequest(f: Fixtures, actor: Actor, id: string): Promise<RotationRequest> {
  return (await call<RotationRequest>(f.base, 'GET', `/api/rotation-requests/${id}`, { token: actor.token })).body;
}

export async function teamLine(f: Fixtures, actor: Actor, teamId: string): Promise<TeamWaitlist> {
  return (await call<TeamWaitlist>(f.base, 'GET', `/api/teams/${teamId}/waitlist`, { token: actor.token })).body;
}

export function cancelPlacement(f: Fixtures, host: Actor, placementId: string): Promise<CallResult<Json>> {
  return post(f, host, `/api/placements/${placementId}/cancel`, { reason: 'Plans changed' });
}

/** Statuses of these requests, read straight from PostgreSQL. */
export async function statuses(ids: string[]): Promise<Record<string, string>> {
  const rows = await sql<{ id: string; status: string }>(
    `SELECT id, status FROM rotation_requests WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.status]));
}

/**
 * Team-days where live placements plus places held by offers exceed the
 * team's capacity, read straight from PostgreSQL: what "overbooked" means
 * once holds count. Empty when nothing is overbooked.
 */
export async function overbookedDays(
  teamIds: string[],
): Promise<Array<{ team_id: string; day: string; taken: number }>> {
  return sql(
    `WITH taken AS (
       SELECT team_id, start_date, end_date FROM placements WHERE cancelled_at IS NULL AND team_id = ANY($1::uuid[])
       UNION ALL
       SELECT team_id, start_date, end_date FROM rotation_requests WHERE status = 'offered' AND team_id = ANY($1::uuid[]))
     SELECT x.team_id, to_char(d, 'YYYY-MM-DD') AS day, count(*)::int AS taken
       FROM taken x CROSS JOIN LATERAL generate_series(x.start_date, x.end_date, interval '1 day') AS d
       JOIN teams t ON t.id = x.team_id
      GROUP BY x.team_id, d, t.capacity HAVING count(*) > t.capacity`,
    [teamIds],
  );
}
