import { FIGURES_SETTLE_MS } from '@stint/api-core';
import type { Placement, RotationRequest, SlotSuggestion } from '@stint/contracts';
import { addDays } from './support/dates';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { ownStore } from './support/own-store';
import { RecordingPgProxy, Statement } from './support/recording-pg-proxy';
import { call, startTestApp, TestApp } from './support/test-app';

/*
 * The round trips of an approval (issue 17). Every statement the API sends goes through the recording proxy
 * (support/recording-pg-proxy.ts says why a proxy). Under the team lock, from the statement that takes it to the
 * transaction's end, each statement is a wait for every approval queued behind it into the same team, so their
 * number is held here, with the whole request's; a refusal writes nothing, and the suggestions it answers with
 * cost one statement once its team's year is kept. Each test also checks what the user gets.
 */

/** The team's row lock: by id, or (approving) by the id the request just locked names. */
const TAKES_TEAM_LOCK = /FROM teams WHERE id = (\$1|\(SELECT team_id FROM request\)) FOR UPDATE/;
const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\b/i;
/** INSERT, UPDATE or DELETE anywhere in a statement (a CTE's body too), not a row lock's FOR UPDATE. */
const WRITES = /\bINSERT\s+INTO\b|\bUPDATE\s+"?\w+"?\s+SET\b|\bDELETE\s+FROM\b/i;

describe('approval round trips', () => {
  const store = ownStore('round_trips');
  let t: TestApp;
  let proxy: RecordingPgProxy;
  let f: Fixtures;
  let lm: Actor;
  let host: Actor;

  beforeAll(async () => {
    const env = await store.open();
    const own = new URL(env['DATABASE_URL'] as string);
    proxy = new RecordingPgProxy({ host: own.hostname || 'localhost', port: Number(own.port || 5432) });
    await proxy.start();
    const viaProxy = new URL(own.toString());
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    t = await startTestApp({ ...env, DATABASE_URL: viaProxy.toString() });
    f = await Fixtures.create(t.url);
    [lm, host] = await Promise.all([f.manager(), f.manager()]);
  });

  afterAll(async () => {
    await t?.close();
    await proxy?.stop();
    await store.close();
  });

  /** The host's approval of a released request, and the statements it sent. */
  async function approveRecorded(requestId: string) {
    const from = proxy.statements.length;
    const answer = await call<RotationRequest & { details?: { suggestions: SlotSuggestion[] } }>(
      t.url,
      'POST',
      `/api/rotation-requests/${requestId}/approve`,
      { token: host.token, body: { comment: 'Welcome aboard', step: 'host' } },
    );
    return { answer, statements: proxy.statements.slice(from) };
  }

  /** The statements from the one that takes the team lock to the transaction's end, both included. */
  function underLock(statements: Statement[]): Statement[] {
    const taken = statements.findIndex((s) => TAKES_TEAM_LOCK.test(s.sql));
    expect(taken).toBeGreaterThanOrEqual(0);
    const ended = statements.findIndex((s, i) => i > taken && ENDS_TRANSACTION.test(s.sql));
    expect(ended).toBeGreaterThan(taken);
    return statements.slice(taken, ended + 1);
  }

  async function released(pm: Actor, teamId: string, start: string): Promise<RotationRequest> {
    const request = await f.request(pm, teamId, start, 2);
    expect((await f.approve(lm, request.id)).status).toBe(200);
    return request;
  }

  it('a booking: four round trips in all, three of them under the team lock, and everything it promised is there', async () => {
    const pm = await f.pm(lm);
    const team = await f.team(host, { capacity: 2 });
    const start = futureMonday(12);
    const request = await released(pm, team.id, start);

    const { answer, statements } = await approveRecorded(request.id);
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('booked');
    expect(answer.body.approvals.map((a) => [a.step, a.decision, a.comment])).toEqual([
      ['manager', 'approved', ''],
      ['host', 'approved', 'Welcome aboard'],
    ]);
    // Sign-in; BEGIN, the locks (the request's, then its team's and the PM's) with who decides it, the policy and
    // the parties, the facts, and the answer's approvals and names, in one round trip; the writes (the placement,
    // the request, the approval and the audit rows with the emails and the check-ins); COMMIT. Nothing after it.
    expect(statements).toHaveLength(4);
    // The locks' round trip (the team's lock is the wait) with the facts, the writes, COMMIT.
    expect(underLock(statements)).toHaveLength(3);
    // The facts are a second statement of the locks' round trip, so that their snapshot is taken once the locks
    // are held: a statement of its own, not a part of the locks' statement.
    const locks = statements.find((s) => TAKES_TEAM_LOCK.test(s.sql));
    expect(locks?.sql).toMatch(
      /^START TRANSACTION;\s*WITH request AS[\s\S]*JOIN team ON true;\s*SELECT [\s\S]*FROM rotation_requests r,\s*LATERAL/,
    );
    expect(statements.filter((s) => WRITES.test(s.sql))).toHaveLength(1);

    // The answer is built from what the locks' round trip read and the approval written since (no read after the
    // commit): it is the request as a fresh read shows it, to every field.
    const fresh = await call<RotationRequest>(t.url, 'GET', `/api/rotation-requests/${request.id}`, {
      token: host.token,
    });
    expect(answer.body).toEqual(fresh.body);

    const placement = await call<Placement>(t.url, 'GET', `/api/placements/${answer.body.placementId}`, {
      token: host.token,
    });
    expect(placement.body).toMatchObject({ startDate: start, endDate: addDays(start, 13), status: 'scheduled' });
    expect(placement.body.checkIns?.map((c) => c.kind)).toEqual(['kickoff', 'midpoint', 'final', 'follow_up', 'pulse']);
  });

  it('a refusal writes nothing, and a second refusal into the same full team reads its suggestions in one statement', async () => {
    const [holder, first, second] = await Promise.all([f.pm(lm), f.pm(lm), f.pm(lm)]);
    const team = await f.team(host, { capacity: 1 });
    const start = futureMonday(14);
    // Both released while the team was free; then another PM takes its one place.
    const [a, b] = [await released(first, team.id, start), await released(second, team.id, start)];
    await f.booked(holder, lm, host, team.id, start, 2);
    // Kept answers serve later requests once their version has settled (FiguresCache): a slot search (whose caches
    // keep what the suggestions read) sees the latest version, and its moment is waited out, so that the first
    // refusal's reads are kept for the second.
    const search = `/api/slots?teamId=${team.id}&durationWeeks=2&earliestStart=${start}&latestEnd=${addDays(start, 90)}`;
    expect((await call(t.url, 'GET', search, { token: first.token })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, FIGURES_SETTLE_MS + 50));

    for (const [request, kept] of [
      [a, false],
      [b, true],
    ] as const) {
      const { answer, statements } = await approveRecorded(request.id);
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ code: 'CAPACITY_FULL' });
      // The next free fortnight is the one after the holder's.
      expect(answer.body.details?.suggestions[0]).toMatchObject({ teamId: team.id, startDate: addDays(start, 14) });
      expect(statements.filter((s) => WRITES.test(s.sql)).map((s) => s.sql.slice(0, 60))).toEqual([]);
      // The locks' round trip with the facts, then ROLLBACK: a refusal holds the team for two round trips.
      expect(underLock(statements)).toHaveLength(2);
      const after = statements.slice(statements.findIndex((s) => /^\s*ROLLBACK/i.test(s.sql)) + 1);
      // The PM's busy days with the version; the first refusal may also read the teams and the team's year.
      expect(after.length).toBeGreaterThanOrEqual(1);
      expect(after.length).toBeLessThanOrEqual(kept ? 1 : 3);
      const unchanged = await call<RotationRequest>(t.url, 'GET', `/api/rotation-requests/${request.id}`, {
        token: host.token,
      });
      expect(unchanged.body).toMatchObject({ status: 'pending_host', placementId: null });
      expect(unchanged.body.approvals.map((x) => x.step)).toEqual(['manager']);
    }
  });
});
