import { randomUUID } from 'node:crypto';
import { addDays, q } from './support/dates';
import { Fixtures, futureMonday } from './support/fixtures';
import {
  CALLER_LABEL,
  CALLERS,
  CODE_BY_STATUS,
  describeResult,
  expectErrorShape,
  Resource,
  TABLE,
  Target,
  World,
} from './support/rbac';
import { call, startTestApp, TestApp } from './support/test-app';

/*
 * Who may do what: every row of the role table in support/rbac.ts (one table,
 * endpoint × caller → status), called by every kind of caller; and what a 403
 * or a 404 must never leak.
 */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the role matrix (one table: endpoint × caller → status)', () => {
  let w: World;

  beforeAll(async () => {
    const f = await Fixtures.create(t.url);
    const [lineManager, hostManager, unrelatedManager] = await Promise.all([f.manager(), f.manager(), f.manager()]);
    const [owner, otherPm, spare] = await Promise.all([f.pm(lineManager), f.pm(unrelatedManager), f.pm(lineManager)]);
    const [hostTeam, spareTeam] = await Promise.all([
      f.team(hostManager, { capacity: 200 }),
      f.team(hostManager, { capacity: 1 }),
    ]);
    const policy = await call<{ followUpDays: number }>(t.url, 'GET', '/api/policy', { token: f.admin.token });
    let week = 150;
    w = {
      f,
      actors: { owner, otherPm, lineManager, hostManager, unrelatedManager, admin: f.admin },
      hostTeam,
      spareTeam,
      spareUser: spare.user,
      followUpDays: policy.body.followUpDays,
      nextStart: () => {
        const start = futureMonday(week);
        week += 2;
        return start;
      },
    };
  });

  async function prepare(resource: Resource): Promise<Target> {
    const { f, actors, hostTeam, spareTeam } = w;
    const target: Target = {
      start: w.nextStart(),
      pmId: actors.owner.user.id,
      requestId: '',
      placementId: '',
      blackoutId: '',
    };
    switch (resource) {
      case 'pending':
        target.requestId = (await f.request(actors.owner, hostTeam.id, target.start, 1)).id;
        break;
      case 'released': {
        target.requestId = (await f.request(actors.owner, hostTeam.id, target.start, 1)).id;
        const released = await f.approve(actors.lineManager, target.requestId);
        if (released.status !== 200) throw new Error(`release failed: ${JSON.stringify(released.body)}`);
        break;
      }
      case 'full-released':
      case 'offered': {
        // The spare team's one place that week goes to another PM (an admin takes both steps), then the owner asks anyway.
        const blocker = await call<{ id: string; placementId: string }>(t.url, 'POST', '/api/rotation-requests', {
          token: actors.admin.token,
          body: {
            teamId: spareTeam.id,
            startDate: target.start,
            durationWeeks: 1,
            goals: ['closing'],
            pmId: w.spareUser.id,
          },
        });
        for (const step of ['manager', 'host'])
          await call(t.url, 'POST', `/api/rotation-requests/${blocker.body.id}/approve`, {
            token: actors.admin.token,
            body: { step },
          });
        const asked = await call<{ id: string }>(t.url, 'POST', '/api/rotation-requests', {
          token: actors.owner.token,
          body: {
            teamId: spareTeam.id,
            startDate: target.start,
            durationWeeks: 1,
            goals: ['closing'],
            waitlistIfFull: true,
          },
        });
        target.requestId = asked.body.id;
        const released = await f.approve(actors.lineManager, target.requestId);
        if (released.status !== 200) throw new Error(`release failed: ${JSON.stringify(released.body)}`);
        if (resource === 'offered') {
          await call(t.url, 'POST', `/api/rotation-requests/${target.requestId}/waitlist`, {
            token: actors.hostManager.token,
          });
          const booked = await call<{ placementId: string }>(
            t.url,
            'GET',
            `/api/rotation-requests/${blocker.body.id}`,
            {
              token: actors.admin.token,
            },
          );
          const cancelled = await call(t.url, 'POST', `/api/placements/${booked.body.placementId}/cancel`, {
            token: actors.admin.token,
            body: { reason: 'make room' },
          });
          if (cancelled.status !== 200) throw new Error(`cancel failed: ${JSON.stringify(cancelled.body)}`);
        }
        break;
      }
      case 'placement': {
        const booked = await f.booked(
          actors.owner,
          actors.lineManager,
          actors.hostManager,
          hostTeam.id,
          target.start,
          1,
        );
        target.requestId = booked.id;
        target.placementId = booked.placementId ?? '';
        break;
      }
      case 'blackout': {
        const created = await call<{ id: string }>(t.url, 'POST', '/api/blackouts', {
          token: actors.admin.token,
          body: { teamId: spareTeam.id, startsOn: target.start, endsOn: target.start, reason: 'to delete' },
        });
        if (created.status !== 201) throw new Error(`blackout failed: ${JSON.stringify(created.body)}`);
        target.blackoutId = created.body.id;
        break;
      }
    }
    return target;
  }

  const cells = TABLE.flatMap((r) => CALLERS.map((caller) => ({ r, caller, status: r.expected[caller] })));

  it.each(cells)('$r.method $r.path as $caller → $status', async ({ r, caller, status }) => {
    const target = await prepare(r.resource);
    const built = r.build(w, target);
    const token = caller === 'anonymous' ? undefined : w.actors[caller].token;
    const raw = built.raw && { rawBody: built.raw.body, headers: { 'content-type': built.raw.contentType } };
    const result = await call(t.url, r.method, built.path, { token, body: built.body, ...raw });
    if (result.status !== status) {
      throw new Error(
        `${r.method} ${built.path} as ${CALLER_LABEL[caller]}: expected ${status}, got ${describeResult(result)}`,
      );
    }
    if (status >= 400) {
      expectErrorShape(result, status, CODE_BY_STATUS[status] ?? '');
    }
    if (status === 404) {
      // Never leak existence: a hidden thing is answered exactly as a thing that does not exist.
      const ghost: Target = {
        ...target,
        pmId: randomUUID(),
        requestId: randomUUID(),
        placementId: randomUUID(),
        blackoutId: randomUUID(),
      };
      const ghostBuilt = r.build(w, ghost);
      const missing = await call(t.url, r.method, ghostBuilt.path, { token, body: ghostBuilt.body });
      expect(missing.status).toBe(404);
      expectErrorShape(missing, 404, 'NOT_FOUND');
      expect((missing.body as { details: unknown }).details).toEqual((result.body as { details: unknown }).details);
    }
    if (status === 204) expect(result.body).toBeNull();
  });

  it('a PM naming another PM is refused the same way whether that PM exists or not (no existence leak)', async () => {
    const { actors, hostTeam } = w;
    const start = w.nextStart();
    for (const pmId of [actors.owner.user.id, randomUUID()]) {
      const slots = await call(
        t.url,
        'GET',
        `/api/slots?${q({ durationWeeks: '1', earliestStart: start, latestEnd: addDays(start, 60), pmId })}`,
        { token: actors.otherPm.token },
      );
      expect(slots.status).toBe(403);
      expectErrorShape(slots, 403, 'FORBIDDEN');
      const request = await call(t.url, 'POST', '/api/rotation-requests', {
        token: actors.otherPm.token,
        body: { teamId: hostTeam.id, startDate: start, durationWeeks: 1, goals: ['closing'], pmId },
      });
      expect(request.status).toBe(403);
      expectErrorShape(request, 403, 'FORBIDDEN');
    }
  });

  it('a malformed id is a 404 for everyone signed in, never a 400 or 500', async () => {
    for (const path of [
      '/api/rotation-requests/not-a-uuid',
      '/api/placements/123',
      '/api/teams/%27%3B--/availability?from=2030-01-01&to=2030-01-02',
    ]) {
      const result = await call(t.url, 'GET', path, { token: w.actors.owner.token });
      expect(result.status).toBe(404);
      expectErrorShape(result, 404, 'NOT_FOUND');
    }
  });
});
