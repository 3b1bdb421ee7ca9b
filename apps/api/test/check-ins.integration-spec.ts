import type { CheckIn, Placement } from '@stint/contracts';
import { todayIn, zonedDateTimeToInstant } from '@stint/shared-dates';
import { Fixtures, futureMonday } from './support/fixtures';
import { call, startTestApp, TestApp } from './support/test-app';
import { controlClock } from './support/worker';

const reflection = { ratings: { negotiation: 3, closing: 2, persistence: 4 }, notes: 'Shadowed two calls.' };

describe('check-in reflections', () => {
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  it('open on the check-in’s day in the PM’s time zone: before it 409 with the day it opens, on it 200', async () => {
    const lineManager = await f.manager();
    const host = await f.manager();
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(lineManager, 'America/New_York');
    const booked = await f.booked(pm, lineManager, host, team.id, futureMonday(30), 1);
    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${booked.placementId}`, { token: pm.token });
    const kickoff = placement.body.checkIns[0];
    if (!kickoff) throw new Error('the placement has no check-ins');
    // The day the check-in is on, on the PM's calendar, is part of the check-in.
    const opensOn = todayIn('America/New_York', new Date(kickoff.scheduledAt));
    expect(kickoff.opensOn).toBe(opensOn);

    // Months ahead: refused, with the day it opens.
    const early = await call<{ code: string; message: string; details: Record<string, unknown> }>(
      t.url,
      'POST',
      `/api/check-ins/${kickoff.id}/complete`,
      {
        token: pm.token,
        body: reflection,
      },
    );
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'INVALID_STATE', details: { opensOn } });
    expect(early.body.message).toBe(`This check-in opens for reflection on ${opensOn} (its day); come back then.`);

    // A minute before midnight in New York (already the day in UTC): still refused.
    const midnight = zonedDateTimeToInstant(opensOn, '00:00', 'America/New_York');
    const clock = controlClock(t.app, new Date(midnight.getTime() - 60_000));
    expect(todayIn('UTC', clock.now())).toBe(opensOn);
    const eve = await call(t.url, 'POST', `/api/check-ins/${kickoff.id}/complete`, {
      token: pm.token,
      body: reflection,
    });
    expect(eve.status).toBe(409);
    expect(eve.body).toMatchObject({ code: 'INVALID_STATE', details: { opensOn } });
    const still = await call<CheckIn>(t.url, 'GET', `/api/check-ins/${kickoff.id}`, { token: pm.token });
    expect(still.body).toMatchObject({ status: 'upcoming', completedAt: null, ratings: null });

    // From the first minute of its day (before its time) the reflection is taken.
    clock.set(midnight);
    const done = await call<CheckIn>(t.url, 'POST', `/api/check-ins/${kickoff.id}/complete`, {
      token: pm.token,
      body: reflection,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      completedAt: midnight.toISOString(),
      ratings: reflection.ratings,
      opensOn,
    });

    // Once filed, the existing rule answers first.
    const again = await call(t.url, 'POST', `/api/check-ins/${kickoff.id}/complete`, {
      token: pm.token,
      body: reflection,
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_STATE', details: { status: 'completed' } });
  });
});
