import type { Page, Team, User } from '@stint/contracts';
import { randomUUID } from 'node:crypto';
import { addDays, q } from './dates';
import { Actor, Fixtures, PASSWORD } from './fixtures';
import { CallResult } from './test-app';

/*
 * Who may do what, generated from ONE table (api.md): every endpoint of the
 * sections "Auth and users", "Teams, blackouts, policy", "Slots", "Rotation
 * requests", "Placements" and GET /api/audit, called by every kind of caller.
 *
 *   2xx  allowed
 *   403  FORBIDDEN: the caller can see the thing but may not do this
 *   404  NOT_FOUND: the caller may not see it; answered exactly as for an id that does not exist
 *   401  UNAUTHORIZED: no token
 *
 * Visibility: a PM sees their own; a manager their reports' and their teams'; an admin everything.
 */

export type Caller = 'owner' | 'otherPm' | 'lineManager' | 'hostManager' | 'unrelatedManager' | 'admin' | 'anonymous';
export type SignedIn = Exclude<Caller, 'anonymous'>;

/** Column order of the table below. */
export const CALLERS: readonly Caller[] = [
  'owner',
  'otherPm',
  'lineManager',
  'hostManager',
  'unrelatedManager',
  'admin',
  'anonymous',
];

export const CALLER_LABEL: Record<Caller, string> = {
  owner: 'the PM who owns it',
  otherPm: 'another PM',
  lineManager: "the PM's line manager",
  hostManager: 'the host team manager',
  unrelatedManager: 'an unrelated manager (who has reports of their own)',
  admin: 'an admin',
  anonymous: 'no token',
};

export const CODE_BY_STATUS: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'INVALID_STATE',
};

/** What a cell acts on; mutating rows get a fresh one per cell so cells never depend on each other. */
/** `full-released`: released for the capacity-1 spare team, whose one place that week is taken; `offered`: then waitlisted and offered. */
export type Resource = 'none' | 'pending' | 'released' | 'full-released' | 'offered' | 'placement' | 'blackout';

export interface Target {
  /** A Monday no other cell uses; 1-week stints, so start .. start+13 is this cell's own. */
  start: string;
  pmId: string;
  requestId: string;
  placementId: string;
  blackoutId: string;
}

export interface World {
  f: Fixtures;
  actors: Record<SignedIn, Actor>;
  hostTeam: Team;
  spareTeam: Team;
  spareUser: User;
  followUpDays: number;
  nextStart(): string;
}

export interface Built {
  path: string;
  body?: unknown;
  /** A body that is not JSON (the CSV imports), sent as it is with `contentType`. */
  raw?: { body: string; contentType: string };
}

export interface Row {
  method: string;
  path: string;
  resource: Resource;
  expected: Record<Caller, number>;
  build(w: World, t: Target): Built;
}

export function row(
  method: string,
  path: string,
  resource: Resource,
  statuses: string,
  build: (w: World, t: Target) => Built,
): Row {
  const parsed = statuses.trim().split(/\s+/).map(Number);
  if (parsed.length !== CALLERS.length || parsed.some((s) => !Number.isInteger(s)))
    throw new Error(`bad status list for ${method} ${path}: ${statuses}`);
  const expected = Object.fromEntries(CALLERS.map((c, i) => [c, parsed[i]])) as Record<Caller, number>;
  return { method, path, resource, expected, build };
}

// prettier-ignore
export const TABLE: Row[] = [
  //                                                                              owner other line host unrel admin anon
  // Auth and users
  row('POST',   '/api/auth/login',                            'none',            '200   200   200  200  200   200   200', (w) => ({ path: '/api/auth/login', body: { email: w.actors.owner.user.email, password: PASSWORD } })),
  row('GET',    '/api/me',                                    'none',            '200   200   200  200  200   200   401', () => ({ path: '/api/me' })),
  row('GET',    '/api/users',                                 'none',            '200   200   200  200  200   200   401', () => ({ path: '/api/users' })),
  row('POST',   '/api/users',                                 'none',            '403   403   403  403  403   201   401', (w) => ({ path: '/api/users', body: { email: `new-${randomUUID().slice(0, 8)}@test.stint`, name: 'New PM', role: 'pm', password: PASSWORD, managerId: w.actors.lineManager.user.id } })),
  row('PATCH',  '/api/users/:id',                             'none',            '403   403   403  403  403   200   401', (w) => ({ path: `/api/users/${w.spareUser.id}`, body: { name: `Renamed ${randomUUID().slice(0, 4)}` } })),

  // Teams, blackouts, policy
  row('GET',    '/api/teams',                                 'none',            '200   200   200  200  200   200   401', () => ({ path: '/api/teams' })),
  row('GET',    '/api/teams/:id',                             'none',            '200   200   200  200  200   200   401', (w) => ({ path: `/api/teams/${w.hostTeam.id}` })),
  row('POST',   '/api/teams',                                 'none',            '403   403   403  403  403   201   401', (w) => ({ path: '/api/teams', body: { name: `Team ${randomUUID().slice(0, 8)}`, managerId: w.actors.hostManager.user.id, capacity: 1 } })),
  row('PATCH',  '/api/teams/:id',                             'none',            '403   403   403  403  403   200   401', (w) => ({ path: `/api/teams/${w.spareTeam.id}`, body: { region: `R-${randomUUID().slice(0, 4)}` } })),
  row('GET',    '/api/teams/:id/availability',                'none',            '200   200   200  200  200   200   401', (w, t) => ({ path: `/api/teams/${w.hostTeam.id}/availability?${q({ from: t.start, to: addDays(t.start, 13) })}` })),
  row('GET',    '/api/blackouts',                             'none',            '200   200   200  200  200   200   401', (w) => ({ path: `/api/blackouts?${q({ teamId: w.hostTeam.id })}` })),
  row('POST',   '/api/blackouts',                             'none',            '403   403   403  403  403   201   401', (w, t) => ({ path: '/api/blackouts', body: { teamId: w.spareTeam.id, startsOn: t.start, endsOn: addDays(t.start, 2), reason: 'RBAC matrix' } })),
  row('DELETE', '/api/blackouts/:id',                         'blackout',        '403   403   403  403  403   204   401', (_w, t) => ({ path: `/api/blackouts/${t.blackoutId}` })),
  row('GET',    '/api/policy',                                'none',            '200   200   200  200  200   200   401', () => ({ path: '/api/policy' })),
  row('PUT',    '/api/policy',                                'none',            '403   403   403  403  403   200   401', (w) => ({ path: '/api/policy', body: { followUpDays: w.followUpDays } })),

  // Slots: pmId defaults to the caller; planning for someone else only for their line manager or an admin.
  // A PM may never name another PM: refused before the id is looked at, so nothing leaks (see the leak test below).
  row('GET',    '/api/slots',                                 'none',            '200   200   200  200  200   200   401', (w, t) => ({ path: `/api/slots?${q({ durationWeeks: '1', earliestStart: t.start, latestEnd: addDays(t.start, 60), teamId: w.hostTeam.id })}` })),
  row('GET',    '/api/slots?pmId=:owner',                     'none',            '200   403   200  404  404   200   401', (w, t) => ({ path: `/api/slots?${q({ durationWeeks: '1', earliestStart: t.start, latestEnd: addDays(t.start, 60), teamId: w.hostTeam.id, pmId: t.pmId })}` })),

  // Rotation requests
  row('GET',    '/api/rotation-requests',                     'none',            '200   200   200  200  200   200   401', () => ({ path: '/api/rotation-requests' })),
  row('POST',   '/api/rotation-requests {pmId: owner}',       'none',            '201   403   201  404  404   201   401', (w, t) => ({ path: '/api/rotation-requests', body: { teamId: w.hostTeam.id, startDate: t.start, durationWeeks: 1, goals: ['closing'], pmId: t.pmId } })),
  row('GET',    '/api/rotation-requests/:id',                 'pending',         '200   404   200  200  404   200   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}` })),
  row('PATCH',  '/api/rotation-requests/:id',                 'pending',         '200   404   403  403  404   403   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}`, body: { goals: ['negotiation', 'closing'] } })),
  row('POST',   '/api/rotation-requests/:id/approve (pending_manager)', 'pending', '403 404   200  403  404   200   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}/approve`, body: { step: 'manager', comment: 'ok' } })),
  row('POST',   '/api/rotation-requests/:id/reject (pending_manager)',  'pending', '403 404   200  403  404   200   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}/reject`, body: { comment: 'not now' } })),
  row('POST',   '/api/rotation-requests/:id/approve (pending_host)',    'released', '403 404  403  200  404   200   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}/approve`, body: { step: 'host', comment: 'welcome' } })),
  row('POST',   '/api/rotation-requests/:id/reject (pending_host)',     'released', '403 404  403  200  404   200   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}/reject`, body: { comment: 'team is busy' } })),
  row('POST',   '/api/rotation-requests/:id/withdraw',        'pending',         '200   404   403  403  404   403   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}/withdraw`, body: {} })),

  // Waitlist: the host (or an admin) puts a released request for a full team in line; only the PM answers an offer;
  // the team's manager and admins read the line; only admins reorder it.
  row('POST',   '/api/rotation-requests/:id/waitlist',        'full-released',   '403   404   403  200  404   200   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}/waitlist`, body: {} })),
  row('POST',   '/api/rotation-requests/:id/accept-offer',    'offered',         '200   404   403  403  404   403   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}/accept-offer`, body: {} })),
  row('POST',   '/api/rotation-requests/:id/decline-offer',   'offered',         '200   404   403  403  404   403   401', (_w, t) => ({ path: `/api/rotation-requests/${t.requestId}/decline-offer`, body: {} })),
  row('GET',    '/api/teams/:id/waitlist',                    'none',            '403   403   403  200  403   200   401', (w) => ({ path: `/api/teams/${w.spareTeam.id}/waitlist` })),
  row('PUT',    '/api/teams/:id/waitlist',                    'none',            '403   403   403  403  403   200   401', (w) => ({ path: `/api/teams/${w.hostTeam.id}/waitlist`, body: { requestIds: [] } })),

  // Placements
  row('GET',    '/api/placements',                            'none',            '200   200   200  200  200   200   401', () => ({ path: '/api/placements' })),
  row('GET',    '/api/placements/:id',                        'placement',       '200   404   200  200  404   200   401', (_w, t) => ({ path: `/api/placements/${t.placementId}` })),
  row('POST',   '/api/placements/:id/reschedule',             'placement',       '403   404   403  200  404   200   401', (_w, t) => ({ path: `/api/placements/${t.placementId}/reschedule`, body: { startDate: addDays(t.start, 7) } })),
  row('POST',   '/api/placements/:id/cancel',                 'placement',       '403   404   403  200  404   200   401', (_w, t) => ({ path: `/api/placements/${t.placementId}/cancel`, body: { reason: 'RBAC matrix' } })),
  row('GET',    '/api/placements.csv',                        'none',            '200   200   200  200  200   200   401', () => ({ path: '/api/placements.csv' })),

  // Identity (issue 16): bulk imports are the admin's (a dry run, so cells change nothing); anyone signed in gets a
  // calendar feed URL. GET /api/calendar/:token.ics needs no token at all, so it has no place in this table.
  row('POST',   '/api/import/users?dryRun=true',              'none',            '403   403   403  403  403   200   401', () => ({ path: '/api/import/users?dryRun=true', raw: { body: `email,name,role\nrbac-${randomUUID().slice(0, 8)}@test.stint,RBAC,manager\n`, contentType: 'text/csv' } })),
  row('POST',   '/api/import/teams?dryRun=true',              'none',            '403   403   403  403  403   200   401', (w) => ({ path: '/api/import/teams?dryRun=true', raw: { body: `name,managerEmail,capacity\nRBAC ${randomUUID().slice(0, 8)},${w.actors.hostManager.user.email},1\n`, contentType: 'text/csv' } })),
  row('POST',   '/api/me/calendar-feed',                      'none',            '200   200   200  200  200   200   401', () => ({ path: '/api/me/calendar-feed' })),

  // Audit
  row('GET',    '/api/audit',                                 'none',            '403   403   403  403  403   200   401', () => ({ path: '/api/audit?entityType=rotation_request' })),
];
export function expectErrorShape(result: CallResult, status: number, code: string): void {
  const body = result.body as Record<string, unknown>;
  expect(body).not.toBeNull();
  expect(typeof body).toBe('object');
  expect(Object.keys(body).sort()).toEqual(['code', 'details', 'message', 'statusCode']);
  expect(body).toEqual({ statusCode: status, code, message: expect.any(String), details: expect.any(Object) });
  expect((body['message'] as string).length).toBeGreaterThan(5);
  expect(Array.isArray(body['details'])).toBe(false);
  expect(body['details']).not.toBeNull();
}

export function describeResult(result: CallResult): string {
  return `${result.status} ${typeof result.body === 'string' ? result.body.slice(0, 200) : JSON.stringify(result.body)}`;
}

export const ids = (page: Page<{ id: string }>): string[] => page.items.map((i) => i.id).sort();
