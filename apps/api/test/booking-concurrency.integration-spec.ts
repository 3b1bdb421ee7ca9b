import type { RotationRequest } from '@stint/contracts';
import { Client } from 'pg';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { call, startTestApp, TestApp } from './support/test-app';

/** The highest number of live placements on any one day of the team, read straight from PostgreSQL. */
async function peakDailyLoad(teamId: string): Promise<number> {
  const client = new Client({ connectionString: process.env['DATABASE_URL'] });
  await client.connect();
  try {
    const result = await client.query<{ peak: number | null }>(
      `SELECT max(n)::int AS peak FROM (
         SELECT d, count(*) AS n
           FROM placements p, generate_series(p.start_date, p.end_date, interval '1 day') AS d
          WHERE p.team_id = $1 AND p.cancelled_at IS NULL
          GROUP BY d) per_day`,
      [teamId],
    );
    return result.rows[0]?.peak ?? 0;
  } finally {
    await client.end();
  }
}

describe('booking can never overbook, under any concurrency', () => {
  let t: TestApp;
  let f: Fixtures;
  let lineManager: Actor;
  let host: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
    lineManager = await f.manager();
    host = await f.manager();
  });
  afterAll(() => t.close());

  it('20 concurrent host approvals for a capacity-3 team on the same dates book exactly 3', async () => {
    const team = await f.team(host, { capacity: 3 });
    const start = futureMonday(4);
    const pms = await Promise.all(Array.from({ length: 20 }, () => f.pm(lineManager)));
    const requests: RotationRequest[] = [];
    for (const pm of pms) requests.push(await f.request(pm, team.id, start, 2));
    for (const r of requests) expect((await f.approve(lineManager, r.id)).status).toBe(200);

    const results = await Promise.all(requests.map((r) => f.approve(host, r.id, 'welcome')));

    const booked = results.filter((r) => r.status === 200);
    const full = results.filter((r) => r.status === 409);
    expect(booked).toHaveLength(3);
    expect(full).toHaveLength(17);
    for (const r of booked) expect(r.body).toMatchObject({ status: 'booked', placementId: expect.any(String) });
    for (const r of full) {
      expect(r.body).toMatchObject({ statusCode: 409, code: 'CAPACITY_FULL', message: expect.any(String) });
      const suggestions = (
        r.body['details'] as { suggestions: Array<{ teamId: string; startDate: string; endDate: string }> }
      ).suggestions;
      expect(suggestions.length).toBeGreaterThan(0);
      // The first suggestion starts after the full fortnight ends.
      expect(suggestions[0]?.teamId).toBe(team.id);
      expect(String(suggestions[0]?.startDate) > String(requests[0]?.endDate)).toBe(true);
    }
    expect(await peakDailyLoad(team.id)).toBe(3);

    // The losers stay pending_host, waiting for other dates.
    const pending = await call<{ total: number }>(
      t.url,
      'GET',
      `/api/rotation-requests?teamId=${team.id}&status=pending_host`,
      { token: host.token },
    );
    expect(pending.body.total).toBe(17);
  });

  it('20 concurrent overlapping requests from the same PM: exactly one survives, the rest are PM_OVERLAP', async () => {
    const team = await f.team(host, { capacity: 20 });
    const pm = await f.pm(lineManager);
    const base = futureMonday(12);
    // 20 business days in a row (starts fall on business days only); any two 4-week stints among them overlap.
    const starts = Array.from({ length: 28 }, (_, i) => {
      const d = new Date(`${base}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + i);
      return d;
    })
      .filter((d) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6)
      .map((d) => d.toISOString().slice(0, 10));
    expect(starts).toHaveLength(20);
    const results = await Promise.all(
      starts.map((startDate) =>
        call(t.url, 'POST', '/api/rotation-requests', {
          token: pm.token,
          body: { teamId: team.id, startDate, durationWeeks: 4, goals: ['closing'] },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.body).toMatchObject({ statusCode: 409, code: 'PM_OVERLAP' });
  });

  it('a PM with a booked placement cannot ask for overlapping dates in another team', async () => {
    const teamA = await f.team(host, { capacity: 5 });
    const teamB = await f.team(host, { capacity: 5 });
    const pm = await f.pm(lineManager);
    const start = futureMonday(20);
    await f.booked(pm, lineManager, host, teamA.id, start, 2);
    const second = await call(t.url, 'POST', '/api/rotation-requests', {
      token: pm.token,
      body: { teamId: teamB.id, startDate: start, durationWeeks: 2, goals: [] },
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'PM_OVERLAP' });
  });
});
