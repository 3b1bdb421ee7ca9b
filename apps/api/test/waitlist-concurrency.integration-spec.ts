import { OfferLapseJob } from '@stint/api-booking';
import type { RotationRequest } from '@stint/contracts';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { sql } from './support/sql';
import { ownStore } from './support/own-store';
import { call, startTestApp, TestApp } from './support/test-app';
import { cancelPlacement, getRequest, overbookedDays, post, released, statuses, waitlist } from './support/waitlist';
import { controlClock, startTestWorker } from './support/worker';

/*
 * The waitlist under concurrency, each case run 20 times against the real API, worker, PostgreSQL and
 * Redis. After every run, and for all of it at the end, PostgreSQL is asked straight whether any team-day
 * holds more placements and offers than the team's capacity, and whether one freed place went to two offers.
 */

const RUNS = 20;

describe('the waitlist never overbooks and never offers one place twice, under concurrency', () => {
  // A database and queue prefix of its own: this suite runs a worker (support/own-store.ts).
  const store = ownStore('waitlist_concurrency');
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let f: Fixtures;
  let lineManager: Actor;
  let host: Actor;
  let pms: Actor[];
  const teams: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(await store.open());
    worker = await startTestWorker(t.config);
    f = await Fixtures.create(t.url);
    lineManager = await f.manager();
    host = await f.manager();
    // The same PMs serve every run; each run uses its own weeks, so their rotations never meet.
    pms = [];
    for (let i = 0; i < 6; i++) pms.push(await f.pm(lineManager));
  }, 60_000);

  afterAll(async () => {
    expect(await overbookedDays(teams)).toEqual([]);
    await worker.close();
    await t.close();
    await store.close();
  });

  const pm = (i: number): Actor => {
    const actor = pms[i];
    if (!actor) throw new Error(`no PM ${i}`);
    return actor;
  };

  /** A team of this capacity, each place booked by one of the first PMs, and a line of the next ones. */
  async function fullTeamWithLine(capacity: number, line: number, start: string) {
    const team = await f.team(host, { capacity });
    teams.push(team.id);
    const placements: string[] = [];
    for (let i = 0; i < capacity; i++)
      placements.push(String((await f.booked(pm(i), lineManager, host, team.id, start)).placementId));
    const waiting: RotationRequest[] = [];
    for (let i = capacity; i < capacity + line; i++) {
      const r = await released(f, pm(i), lineManager, team.id, start);
      await waitlist(f, host, r.id);
      waiting.push(r);
    }
    return { team, placements, waiting };
  }

  async function offersIn(teamId: string): Promise<number> {
    const rows = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM rotation_requests WHERE team_id = $1 AND status = 'offered'`,
      [teamId],
    );
    return rows[0]?.n ?? 0;
  }

  it(`two placements cancelled at the same moment offer exactly two places, in line order (${RUNS} runs)`, async () => {
    for (let run = 0; run < RUNS; run++) {
      const start = futureMonday(120 + 3 * run);
      const { team, placements, waiting } = await fullTeamWithLine(2, 3, start);
      const [w1, w2, w3] = waiting as [RotationRequest, RotationRequest, RotationRequest];

      const results = await Promise.all(placements.map((id) => cancelPlacement(f, host, id)));

      expect(results.map((r) => r.status)).toEqual([200, 200]);
      expect(await statuses([w1.id, w2.id, w3.id])).toEqual({
        [w1.id]: 'offered',
        [w2.id]: 'offered',
        [w3.id]: 'waitlisted',
      });
      expect(await offersIn(team.id)).toBe(2);
      expect(await overbookedDays([team.id])).toEqual([]);
    }
  }, 240_000);

  it(`an offer accepted in the instant it lapses either books or lapses, never both (${RUNS} runs)`, async () => {
    const apiClock = controlClock(t.app, new Date());
    const workerClock = controlClock(worker.context, new Date());
    const lapse = worker.context.get(OfferLapseJob);
    const outcomes = { booked: 0, lapsed: 0 };
    for (let run = 0; run < RUNS; run++) {
      const now = new Date();
      apiClock.set(now);
      workerClock.set(now);
      const start = futureMonday(200 + 3 * run);
      const { team, placements, waiting } = await fullTeamWithLine(1, 2, start);
      const [w1, w2] = waiting as [RotationRequest, RotationRequest];
      await cancelPlacement(f, host, String(placements[0]));
      const offer = await getRequest(f, pm(1), w1.id);
      expect(offer.status).toBe('offered');
      const expiresAt = new Date(String(offer.offerExpiresAt));

      // The PM clicks a millisecond before the hold ends; the expiry job runs as it ends.
      apiClock.set(new Date(expiresAt.getTime() - 1));
      workerClock.set(expiresAt);
      const [accepted] = await Promise.all([
        post(f, pm(1), `/api/rotation-requests/${w1.id}/accept-offer`),
        lapse.run({ requestId: w1.id, offerVersion: 1 }),
      ]);

      const after = await statuses([w1.id, w2.id]);
      const placementsOfW1 = await sql(`SELECT 1 FROM placements WHERE request_id = $1`, [w1.id]);
      if (accepted.status === 200) {
        outcomes.booked++;
        expect(after).toEqual({ [w1.id]: 'booked', [w2.id]: 'waitlisted' });
        expect(placementsOfW1).toHaveLength(1);
      } else {
        outcomes.lapsed++;
        expect(accepted.status).toBe(409);
        expect(after).toEqual({ [w1.id]: 'lapsed', [w2.id]: 'offered' });
        expect(placementsOfW1).toHaveLength(0);
      }
      const lapses = await sql(`SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'request.offer_lapsed'`, [
        w1.id,
      ]);
      expect(lapses).toHaveLength(after[w1.id] === 'lapsed' ? 1 : 0);
      expect(await offersIn(team.id)).toBe(after[w1.id] === 'lapsed' ? 1 : 0);
      expect(await overbookedDays([team.id])).toEqual([]);
    }
    expect(outcomes.booked + outcomes.lapsed).toBe(RUNS);
  }, 240_000);

  it(`capacity lowered while an offer is out, as it is accepted and another place frees (${RUNS} runs)`, async () => {
    for (let run = 0; run < RUNS; run++) {
      const start = futureMonday(280 + 3 * run);
      const { team, placements, waiting } = await fullTeamWithLine(2, 1, start);
      const [w1] = waiting as [RotationRequest];
      await cancelPlacement(f, host, String(placements[0]));
      expect((await statuses([w1.id]))[w1.id]).toBe('offered');

      const [lowered, accepted, cancelled] = await Promise.all([
        call(t.url, 'PATCH', `/api/teams/${team.id}`, { token: f.admin.token, body: { capacity: 1 } }),
        post(f, pm(2), `/api/rotation-requests/${w1.id}/accept-offer`),
        cancelPlacement(f, host, String(placements[1])),
      ]);

      // The offer holds its place, so the accept always books; the cancellation always goes through.
      expect(accepted.status).toBe(200);
      expect(cancelled.status).toBe(200);
      // Lowering succeeds only once the cancellation has left one place taken; otherwise it is refused.
      expect([200, 409]).toContain(lowered.status);
      const capacity = (await sql<{ capacity: number }>(`SELECT capacity FROM teams WHERE id = $1`, [team.id]))[0];
      expect(capacity?.capacity).toBe(lowered.status === 200 ? 1 : 2);
      expect(await overbookedDays([team.id])).toEqual([]);
    }
  }, 240_000);

  it(`two teams freeing places for the same PM offer them one, and the other place to the next in line (${RUNS} runs)`, async () => {
    for (let run = 0; run < RUNS; run++) {
      const start = futureMonday(360 + 3 * run);
      const [x, y] = [await f.team(host, { capacity: 1 }), await f.team(host, { capacity: 1 })];
      teams.push(x.id, y.id);
      const blockers = [
        String((await f.booked(pm(0), lineManager, host, x.id, start)).placementId),
        String((await f.booked(pm(1), lineManager, host, y.id, start)).placementId),
      ];
      // The same PM waits first in both lines for the same dates; someone else waits second in each.
      const px = await released(f, pm(2), lineManager, x.id, start);
      await waitlist(f, host, px.id);
      const py = await released(f, pm(2), lineManager, y.id, start);
      await waitlist(f, host, py.id);
      const qx = await released(f, pm(3), lineManager, x.id, start);
      await waitlist(f, host, qx.id);
      const qy = await released(f, pm(4), lineManager, y.id, start);
      await waitlist(f, host, qy.id);

      const results = await Promise.all(blockers.map((id) => cancelPlacement(f, host, id)));

      expect(results.map((r) => r.status)).toEqual([200, 200]);
      const after = await statuses([px.id, py.id, qx.id, qy.id]);
      const pOffers = [after[px.id], after[py.id]].filter((s) => s === 'offered');
      expect(pOffers).toHaveLength(1);
      // Where the PM was offered, the next in line keeps waiting; in the other team the next in line is offered.
      if (after[px.id] === 'offered') expect([after[qx.id], after[qy.id]]).toEqual(['waitlisted', 'offered']);
      else expect([after[qx.id], after[qy.id]]).toEqual(['offered', 'waitlisted']);
      expect(await offersIn(x.id)).toBe(1);
      expect(await offersIn(y.id)).toBe(1);
      expect(await overbookedDays([x.id, y.id])).toEqual([]);
    }
  }, 300_000);
});
