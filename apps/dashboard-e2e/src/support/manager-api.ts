import { expect, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, MARIA, SAM } from './demo';

/*
 * API set-up for the manager dashboard specs: on the demo seed but independent of
 * its details, every request they use is created here through the API, on a team
 * and dates the API itself says are free.
 */

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: string;
  managerId: string | null;
}

export interface Api {
  token: string;
  user: SessionUser;
}

export interface Team {
  id: string;
  name: string;
  managerId: string;
  capacity: number;
  active: boolean;
}

export interface Slot {
  teamId: string;
  teamName: string;
  startDate: string;
  endDate: string;
}

const DAY = 86_400_000;
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
export function weekStart(date: string): string {
  const dow = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -dow);
}
export const today = () => new Date().toISOString().slice(0, 10);

export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(what);
  return value;
}

export async function apiLogin(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<Api> {
  const response = await request.post('/api/auth/login', { data: { email, password } });
  expect(response.status(), `login ${email}`).toBe(200);
  const body = (await response.json()) as { accessToken: string; user: SessionUser };
  return { token: body.accessToken, user: body.user };
}

export async function apiGet<T>(request: APIRequestContext, api: Api, url: string): Promise<T> {
  const response = await request.get(url, { headers: { Authorization: `Bearer ${api.token}` } });
  expect(response.status(), `GET ${url}`).toBe(200);
  return (await response.json()) as T;
}

export interface Scenario {
  pm: Api;
  team: Team;
  requestId: string;
  slot: Slot;
}

/** A PM released by Maria asks for a team hosted by Sam, on dates the API says are free. */
export async function createRequest(
  request: APIRequestContext,
  label: string,
  earliestOffsetDays: number,
): Promise<Scenario> {
  const maria = await apiLogin(request, MARIA);
  const sam = await apiLogin(request, SAM);
  let pm: Api | null = null;
  for (let i = 1; i <= 20 && !pm; i++) {
    const candidate = await apiLogin(request, `pm${String(i).padStart(2, '0')}@stint.local`);
    if (candidate.user.managerId === maria.user.id) pm = candidate;
  }
  if (!pm) throw new Error('No PM reports to Maria in the demo seed.');
  const teams = await apiGet<{ items: Team[] }>(request, pm, '/api/teams?pageSize=200');
  const hosted = teams.items.filter((t) => t.managerId === sam.user.id && t.active);
  expect(hosted.length, 'Sam hosts a team').toBeGreaterThan(0);
  const earliest = addDays(today(), earliestOffsetDays);
  const query = new URLSearchParams({
    durationWeeks: '2',
    earliestStart: earliest,
    latestEnd: addDays(earliest, 600),
    limit: '1',
  });
  for (const t of hosted) query.append('teamId', t.id);
  const slots = await apiGet<Slot[]>(request, pm, `/api/slots?${query.toString()}`);
  const slot = slots[0];
  if (!slot) throw new Error('The API found no free slot for the PM in any of Sam’s teams.');
  const team = hosted.find((t) => t.id === slot.teamId) as Team;
  const created = await request.post('/api/rotation-requests', {
    headers: { Authorization: `Bearer ${pm.token}` },
    data: {
      teamId: slot.teamId,
      startDate: slot.startDate,
      durationWeeks: 2,
      goals: [`Hear objections first-hand (${label})`],
      motivation: `E2E ${label}: I want to sit in on renewal calls.`,
    },
  });
  expect(created.status(), 'request created').toBe(201);
  const body = (await created.json()) as { id: string };
  return { pm, team, requestId: body.id, slot };
}

/** Both approvals through the API (line manager, then host), for tests that need a booked placement. */
export async function bookThroughApi(request: APIRequestContext, scenario: Scenario): Promise<string> {
  for (const email of [MARIA, SAM]) {
    const approver = await apiLogin(request, email);
    const response = await request.post(`/api/rotation-requests/${scenario.requestId}/approve`, {
      headers: { Authorization: `Bearer ${approver.token}` },
      data: {},
    });
    expect(response.status(), `approval by ${email}`).toBe(200);
  }
  const booked = await apiGet<{ status: string; placementId: string | null }>(
    request,
    scenario.pm,
    `/api/rotation-requests/${scenario.requestId}`,
  );
  expect(booked.status).toBe('booked');
  return must(booked.placementId, 'The booked request has no placement.');
}
