import type { AuditEntry, Page, RotationRequest } from '@stint/contracts';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { call, startTestApp, TestApp } from './support/test-app';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

describe('the audit trail in words', () => {
  let t: TestApp;
  let f: Fixtures;

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
  });

  afterAll(() => t.close());

  const trail = async (admin: Actor, requestId: string): Promise<AuditEntry[]> => {
    const page = await call<Page<AuditEntry>>(
      t.url,
      'GET',
      `/api/audit?entityType=rotation_request&entityId=${requestId}`,
      { token: admin.token },
    );
    expect(page.status).toBe(200);
    return page.body.items;
  };

  it('says who released and approved whose request for which team, naming people and dates in words', async () => {
    const host = await f.manager();
    const line = await f.manager();
    const team = await f.team(host, { capacity: 2 });
    const pm = await f.pm(line);
    const request = await f.request(pm, team.id, futureMonday(4), 1);
    const approve = (actor: Actor) =>
      call<RotationRequest>(t.url, 'POST', `/api/rotation-requests/${request.id}/approve`, {
        token: actor.token,
        body: {},
      });
    expect((await approve(line)).status).toBe(200);
    expect((await approve(host)).status).toBe(200);

    const entries = await trail(f.admin, request.id);
    const byAction = new Map(entries.map((e) => [e.action, e]));
    const released = byAction.get('request.released');
    expect(released?.actorName).toBe(line.user.name);
    expect(released?.summary).toContain(`${line.user.name} released ${pm.user.name}'s request for ${team.name}, `);
    expect(byAction.get('request.booked')?.summary).toContain(`${host.user.name} approved ${pm.user.name}'s request`);
    expect(byAction.get('request.submitted')?.summary).toContain(`${pm.user.name} asked for a place: their request`);
    for (const e of entries) {
      expect(e.summary).not.toMatch(UUID);
      expect(e.summary).not.toMatch(ISO_DATE);
    }
    const placement = await call<Page<AuditEntry>>(t.url, 'GET', '/api/audit?entityType=placement', {
      token: f.admin.token,
    });
    const booked = placement.body.items.find((e) =>
      e.summary.includes(`${pm.user.name}'s placement with ${team.name}`),
    );
    expect(booked?.summary).toMatch(/^.+ booked .+'s placement with .+, \w{3}, \d{1,2} \w{3} \d{4} – /);
  });

  it('names the team an admin creates, and the admin who created it', async () => {
    const host = await f.manager();
    const team = await f.team(host);
    const page = await call<Page<AuditEntry>>(t.url, 'GET', `/api/audit?entityType=team&entityId=${team.id}`, {
      token: f.admin.token,
    });
    expect(page.body.items[0]?.summary).toBe(`${f.admin.user.name} created the team ${team.name}.`);
    expect(page.body.items[0]?.actorName).toBe(f.admin.user.name);
  });
});
