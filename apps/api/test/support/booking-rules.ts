import type { Placement, RotationRequest } from '@stint/contracts';
import { randomUUID } from 'node:crypto';
import { Actor, Fixtures } from './fixtures';
import { call, CallResult, startTestApp, TestApp } from './test-app';

/*
 * Shared by the booking-rules-*.integration-spec.ts files: the booking rules of
 * product.md, through HTTP, one `it` per rule, with the contract's status and
 * code. Every test makes its own PMs and teams, and uses its own weeks
 * (futureMonday(n), n distinct per test across all of those files).
 */

export interface BookingRulesApp {
  t: TestApp;
  f: Fixtures;
  /** Line manager of every PM, and host of every team unless a test says otherwise. */
  lm: Actor;
  host: Actor;
}

let current: BookingRulesApp | null = null;

function app(): BookingRulesApp {
  if (!current) throw new Error('startBookingRules() has not run');
  return current;
}

/** The API of one spec file, with its fixtures, line manager and host (`env`: e.g. an own store's settings). */
export async function startBookingRules(env: Record<string, string> = {}): Promise<BookingRulesApp> {
  const t = await startTestApp(env);
  const f = await Fixtures.create(t.url);
  const [lm, host] = await Promise.all([f.manager(), f.manager()]);
  current = { t, f, lm, host };
  return current;
}

/** Inclusive ranges share a day. */
export function overlaps(aStart: string, aEnd: string, bStart: string, bEnd: string): boolean {
  return aStart <= bEnd && bStart <= aEnd;
}

export function expectError(result: CallResult, status: number, code: string): void {
  if (result.status !== status)
    throw new Error(`expected ${status} ${code}, got ${result.status} ${JSON.stringify(result.body)}`);
  expect(result.body).toEqual({ statusCode: status, code, message: expect.any(String), details: expect.any(Object) });
}

export const get = <T>(path: string, actor: Actor): Promise<CallResult<T>> =>
  call<T>(app().t.url, 'GET', path, { token: actor.token });
export const post = <T = Record<string, unknown>>(
  path: string,
  actor: Actor,
  body: unknown = {},
): Promise<CallResult<T>> => call<T>(app().t.url, 'POST', path, { token: actor.token, body });
export const patch = <T = Record<string, unknown>>(path: string, actor: Actor, body: unknown): Promise<CallResult<T>> =>
  call<T>(app().t.url, 'PATCH', path, { token: actor.token, body });
export const ask = (
  pm: Actor,
  teamId: string,
  startDate: string,
  durationWeeks = 2,
): Promise<CallResult<RotationRequest>> =>
  post<RotationRequest>('/api/rotation-requests', pm, {
    teamId,
    startDate,
    durationWeeks,
    goals: ['negotiation'],
    motivation: 'Learn.',
  });
export const getRequest = async (id: string): Promise<RotationRequest> =>
  (await get<RotationRequest>(`/api/rotation-requests/${id}`, app().f.admin)).body;
export const getPlacement = async (id: string): Promise<Placement> =>
  (await get<Placement>(`/api/placements/${id}`, app().f.admin)).body;
export const blackout = (
  teamId: string | null,
  startsOn: string,
  endsOn: string,
): Promise<CallResult<{ id: string; affectedPlacements: Array<{ id: string }> }>> =>
  post('/api/blackouts', app().f.admin, { teamId, startsOn, endsOn, reason: `test ${randomUUID().slice(0, 4)}` });
