import { expect, type APIRequestContext } from '@playwright/test';
import { apiLogin, call, isoDay, run, type Session } from './admin-api';
import { ADMIN } from './screens';

/*
 * API set-up for the waitlist spec: a team with one place, its own host and line managers and two PMs, so
 * nothing else in the shared database gets in the way. PM A's rotation is booked; PM B asked for the same
 * dates and was released by the line manager, so B waits for a host who has no room.
 */

export interface Person {
  id: string;
  name: string;
  email: string;
  password: string;
}

export interface FullTeam {
  team: { id: string; name: string };
  host: Person;
  pmA: Person;
  pmB: Person;
  dates: { startDate: string; endDate: string };
  placementA: string;
  requestB: string;
}

const PASSWORD = 'e2e-password';

async function person(
  request: APIRequestContext,
  admin: Session,
  label: string,
  role: 'manager' | 'pm',
  managerId?: string,
): Promise<Person> {
  const email = `e2e.waitlist.${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.${run}@stint.local`;
  const name = `E2E ${label} ${run}`;
  const user = await call<{ id: string }>(request, admin, 'post', '/api/users', {
    email,
    name,
    role,
    password: PASSWORD,
    timezone: 'Europe/Berlin',
    ...(managerId && { managerId }),
  });
  return { id: user.id, name, email, password: PASSWORD };
}

async function ask(request: APIRequestContext, pm: Session, teamId: string, startDate: string): Promise<string> {
  const created = await call<{ id: string }>(request, pm, 'post', '/api/rotation-requests', {
    teamId,
    startDate,
    durationWeeks: 2,
    goals: ['Hear objections first-hand'],
    motivation: 'E2E waitlist: I want to sit in on renewal calls.',
  });
  return created.id;
}

/** `tag` tells apart the people and team of specs that share a run (one worker loads them all). */
export async function fullTeam(request: APIRequestContext, tag = ''): Promise<FullTeam> {
  const admin = await apiLogin(request, ADMIN.email, ADMIN.password);
  const host = await person(request, admin, `Host${tag}`, 'manager');
  const line = await person(request, admin, `Line${tag}`, 'manager');
  const pmA = await person(request, admin, `PM A${tag}`, 'pm', line.id);
  const pmB = await person(request, admin, `PM B${tag}`, 'pm', line.id);
  const teamName = `E2E Waitlist Team${tag} ${run}`;
  const team = await call<{ id: string }>(request, admin, 'post', '/api/teams', {
    name: teamName,
    managerId: host.id,
    capacity: 1,
    region: 'Test',
    segment: 'E2E',
    timezone: 'UTC',
  });

  const signIn = (p: Person) => apiLogin(request, p.email, p.password);
  const [a, b, lineManager, hostManager] = await Promise.all([signIn(pmA), signIn(pmB), signIn(line), signIn(host)]);
  const query = new URLSearchParams({
    durationWeeks: '2',
    earliestStart: isoDay(90),
    latestEnd: isoDay(600),
    teamId: team.id,
    limit: '1',
  });
  const [slot] = await call<Array<{ startDate: string; endDate: string }>>(
    request,
    a,
    'get',
    `/api/slots?${query.toString()}`,
  );
  expect(slot, 'a free slot in the new team').toBeTruthy();
  const dates = { startDate: slot?.startDate ?? '', endDate: slot?.endDate ?? '' };

  // Both ask while the team is still empty; the line manager releases both; the host books A, which fills it.
  const requestA = await ask(request, a, team.id, dates.startDate);
  const requestB = await ask(request, b, team.id, dates.startDate);
  for (const id of [requestA, requestB]) {
    await call(request, lineManager, 'post', `/api/rotation-requests/${id}/approve`, { step: 'manager' });
  }
  const booked = await call<{ status: string; placementId: string | null }>(
    request,
    hostManager,
    'post',
    `/api/rotation-requests/${requestA}/approve`,
    { step: 'host' },
  );
  expect(booked.status).toBe('booked');
  return {
    team: { id: team.id, name: teamName },
    host,
    pmA,
    pmB,
    dates,
    placementA: booked.placementId ?? '',
    requestB,
  };
}
