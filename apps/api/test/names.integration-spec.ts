import type { CheckIn, Page, Placement, RotationRequest, User } from '@stint/contracts';
import { Actor, Fixtures, futureMonday } from './support/fixtures';
import { call, startTestApp, TestApp } from './support/test-app';

/*
 * Issue 13, "Names, not ids": a host manager cannot list the PM's line
 * manager, yet reads who released the PM; a check-in names its PM and team.
 * Weeks 320 on: no other spec uses them.
 */

interface OpenApiDoc {
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
}

describe('names, not ids', () => {
  let t: TestApp;
  let f: Fixtures;
  let maria: Actor;
  let hugo: Actor;
  let ana: Actor;
  let teamId: string;
  let teamName: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
    [maria, hugo] = await Promise.all([
      f.user('manager', { name: 'Maria Keller' }),
      f.user('manager', { name: 'Hugo Brandt' }),
    ]);
    ana = await f.user('pm', { name: 'Ana Lima', managerId: maria.user.id });
    const team = await f.team(hugo, { capacity: 2 });
    teamId = team.id;
    teamName = team.name;
  });
  afterAll(() => t.close());

  const get = <T>(actor: Actor, path: string) => call<T>(t.url, 'GET', path, { token: actor.token });

  it('a host manager reading a released request gets the line manager’s name with the decision', async () => {
    const request = await f.request(ana, teamId, futureMonday(320), 2);
    expect((await f.approve(maria, request.id, 'Go for it')).status).toBe(200);

    // The host manager cannot look the line manager up: they are not among the people the host may list.
    const people = await get<Page<User>>(hugo, '/api/users?pageSize=200');
    expect(people.body.items.map((u) => u.id)).not.toContain(maria.user.id);

    const one = await get<RotationRequest>(hugo, `/api/rotation-requests/${request.id}`);
    expect(one.status).toBe(200);
    expect(one.body.approvals).toEqual([
      expect.objectContaining({
        step: 'manager',
        decision: 'approved',
        byId: maria.user.id,
        byName: 'Maria Keller',
        comment: 'Go for it',
      }),
    ]);

    const waiting = await get<Page<RotationRequest>>(hugo, '/api/rotation-requests?awaitingMe=true&pageSize=200');
    const listed = waiting.body.items.find((r) => r.id === request.id);
    expect(listed?.approvals.map((a) => a.byName)).toEqual(['Maria Keller']);

    // Once the host books it, the PM reads both names on their request.
    expect((await f.approve(hugo, request.id)).status).toBe(200);
    const mine = await get<RotationRequest>(ana, `/api/rotation-requests/${request.id}`);
    expect(mine.body.approvals.map((a) => [a.step, a.byName])).toEqual([
      ['manager', 'Maria Keller'],
      ['host', 'Hugo Brandt'],
    ]);
  });

  it('a check-in carries the PM’s and the team’s names, for every reader and in every answer', async () => {
    const booked = await f.booked(ana, maria, hugo, teamId, futureMonday(324), 2);
    const placementId = String(booked.placementId);

    const listed = await get<Page<CheckIn>>(hugo, `/api/check-ins?placementId=${placementId}&pageSize=200`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.length).toBeGreaterThan(0);
    // And whose they are, so that a list of check-ins needs no placement look-ups (0.11.0).
    for (const c of listed.body.items)
      expect(c).toMatchObject({ pmName: 'Ana Lima', teamName, pmId: ana.user.id, teamId });

    const first = listed.body.items[0] as CheckIn;
    for (const reader of [ana, maria, hugo]) {
      const one = await get<CheckIn>(reader, `/api/check-ins/${first.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ pmName: 'Ana Lima', teamName });
    }

    const feedback = await call<CheckIn>(t.url, 'POST', `/api/check-ins/${first.id}/feedback`, {
      token: maria.token,
      body: { text: 'Ask about their pipeline.' },
    });
    expect(feedback.status).toBe(201);
    expect(feedback.body).toMatchObject({ pmName: 'Ana Lima', teamName });
    // The PM cannot list managers, yet reads who wrote the feedback.
    const read = await get<CheckIn>(ana, `/api/check-ins/${first.id}`);
    expect(read.body.feedback).toEqual([
      { byId: maria.user.id, byName: maria.user.name, text: 'Ask about their pipeline.', at: expect.any(String) },
    ]);

    // A second note, from the host: both show, oldest first, on the check-in alone, in its placement's check-ins
    // and in a list page, and the other check-ins show none.
    expect(
      (
        await call<CheckIn>(t.url, 'POST', `/api/check-ins/${first.id}/feedback`, {
          token: hugo.token,
          body: { text: 'Strong discovery calls.' },
        })
      ).status,
    ).toBe(201);
    const notes = (c: CheckIn | undefined) => c?.feedback.map((f) => [f.byName, f.text]);
    const expected = [
      [maria.user.name, 'Ask about their pipeline.'],
      [hugo.user.name, 'Strong discovery calls.'],
    ];
    expect(notes((await get<CheckIn>(ana, `/api/check-ins/${first.id}`)).body)).toEqual(expected);
    const placement = await get<Placement>(hugo, `/api/placements/${placementId}`);
    for (const c of placement.body.checkIns) expect(c).toMatchObject({ pmName: 'Ana Lima', teamName });
    expect(notes(placement.body.checkIns.find((c) => c.id === first.id))).toEqual(expected);
    expect(placement.body.checkIns.filter((c) => c.id !== first.id).flatMap((c) => c.feedback)).toEqual([]);
    const page = await get<Page<CheckIn>>(hugo, `/api/check-ins?placementId=${placementId}&pageSize=200`);
    expect(notes(page.body.items.find((c) => c.id === first.id))).toEqual(expected);
    expect(page.body.items.filter((c) => c.id !== first.id).flatMap((c) => c.feedback)).toEqual([]);
  });

  it('the OpenAPI document lists the names', async () => {
    const doc = (await call<OpenApiDoc>(t.url, 'GET', '/api/docs-json')).body;
    const approval = doc.components.schemas['ApprovalDto'];
    expect(approval?.properties).toHaveProperty('byName');
    expect(approval?.required).toContain('byName');

    const answer = doc.paths['/api/check-ins/{id}']?.['get']?.responses['200']?.content?.['application/json']?.schema;
    const ref = (answer as { $ref?: string } | undefined)?.$ref ?? '';
    const checkIn = doc.components.schemas[ref.replace('#/components/schemas/', '')];
    expect(checkIn?.properties).toEqual(
      expect.objectContaining({ pmName: expect.anything(), teamName: expect.anything() }),
    );
  });
});
