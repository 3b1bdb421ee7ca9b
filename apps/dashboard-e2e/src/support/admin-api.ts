import { expect, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, MARIA, SAM } from './demo';

/*
 * API set-up for the PM self-service and programme admin specs. Other spec files
 * share the database, so everything they rely on (PMs, teams, rotations) is created
 * through these helpers under unique names (`run` is this run's tag).
 */

export const run = Date.now().toString(36);

export interface Session {
  accessToken: string;
  user: { id: string; name: string; email: string; role: string };
}

export function isoDay(offset = 0): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

export async function apiLogin(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await request.post('/api/auth/login', { data: { email, password } });
  expect(response.status(), `login ${email}`).toBe(200);
  return (await response.json()) as Session;
}

export async function call<T>(
  request: APIRequestContext,
  session: Session,
  method: 'get' | 'post' | 'patch' | 'put' | 'delete',
  url: string,
  data?: unknown,
  status = [200, 201],
): Promise<T> {
  const response = await request[method](url, {
    headers: { Authorization: `Bearer ${session.accessToken}` },
    ...(data !== undefined && { data }),
  });
  expect(status, `${method.toUpperCase()} ${url} → ${response.status()} ${await response.text()}`).toContain(
    response.status(),
  );
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

export async function userId(request: APIRequestContext, admin: Session, email: string): Promise<string> {
  const page = await call<{ items: Array<{ id: string; email: string }> }>(
    request,
    admin,
    'get',
    `/api/users?q=${encodeURIComponent(email)}`,
  );
  const found = page.items.find((u) => u.email === email);
  expect(found, `user ${email}`).toBeTruthy();
  return found?.id ?? '';
}

/** A fresh PM reporting to Maria, so no other spec file's rotations get in the way. */
export async function createPm(
  request: APIRequestContext,
  admin: Session,
  label: string,
): Promise<{ id: string; email: string; name: string; password: string }> {
  const email = `e2e.${label}.${run}@stint.local`;
  const name = `E2E ${label} ${run}`;
  const password = 'e2e-password';
  const user = await call<{ id: string }>(request, admin, 'post', '/api/users', {
    email,
    name,
    role: 'pm',
    password,
    managerId: await userId(request, admin, MARIA),
    timezone: 'Europe/Berlin',
  });
  return { id: user.id, email, name, password };
}

/** A fresh team hosted by Sam with room to spare. */
export async function createTeam(
  request: APIRequestContext,
  admin: Session,
  label: string,
): Promise<{ id: string; name: string }> {
  const name = `E2E ${label} ${run}`;
  const team = await call<{ id: string }>(request, admin, 'post', '/api/teams', {
    name,
    managerId: await userId(request, admin, SAM),
    capacity: 3,
    region: 'Test',
    segment: 'E2E',
    timezone: 'UTC',
  });
  return { id: team.id, name };
}

export interface CheckInView {
  id: string;
  kind: string;
  scheduledAt: string;
  status: string;
  ratings: { negotiation: number; closing: number; persistence: number } | null;
  opensOn?: string;
}

/**
 * The first overdue check-in (in the API's order) of a demo PM (pm01…pm20, who sign in with the demo
 * password), with that PM, their line manager, and the PM's reflections filed so far.
 */
export async function overdueDemoCheckIn(
  request: APIRequestContext,
  admin: Session,
): Promise<{
  checkIn: CheckInView;
  pm: { id: string; email: string };
  lineManagerEmail: string;
  completedBefore: Array<{ id: string; scheduledAt: string; ratings: NonNullable<CheckInView['ratings']> }>;
}> {
  const users = await call<{ items: Array<{ id: string; email: string; managerId: string | null }> }>(
    request,
    admin,
    'get',
    '/api/users?pageSize=200',
  );
  const overdue = await call<{ items: Array<CheckInView & { placementId: string }> }>(
    request,
    admin,
    'get',
    '/api/check-ins?status=overdue&pageSize=200',
  );
  // The PM's own reflections: a pulse is the line manager's, and a final also asks about the learning goals.
  for (const checkIn of overdue.items.filter((c) => c.kind !== 'pulse' && c.kind !== 'final')) {
    const placement = await call<{ pmId: string }>(request, admin, 'get', `/api/placements/${checkIn.placementId}`);
    const pm = users.items.find((u) => u.id === placement.pmId);
    if (!pm || !/^pm\d{2}@stint\.local$/.test(pm.email)) continue;
    const lineManager = users.items.find((u) => u.id === pm.managerId);
    expect(lineManager, `line manager of ${pm.email}`).toBeTruthy();
    const placements = await call<{ items: Array<{ checkIns: CheckInView[] }> }>(
      request,
      admin,
      'get',
      `/api/placements?pmId=${pm.id}&include=checkIns&pageSize=200`,
    );
    const completedBefore = placements.items
      .flatMap((p) => p.checkIns)
      .flatMap((c) =>
        c.status === 'completed' && c.ratings && c.kind !== 'pulse'
          ? [{ id: c.id, scheduledAt: c.scheduledAt, ratings: c.ratings }]
          : [],
      );
    return { checkIn, pm, lineManagerEmail: lineManager?.email ?? '', completedBefore };
  }
  throw new Error('The demo seed has no overdue check-in of a demo PM.');
}
