import type { Team } from '@stint/contracts';
import { Fixtures, futureMonday } from './support/fixtures';
import { csv, postCsv, tag, useImportApp } from './support/import';
import { sql } from './support/sql';
import { call, TestApp } from './support/test-app';
import { getRequest, released, waitlist } from './support/waitlist';

/*
 * The bulk import of teams end to end (issue 16): a CSV file checked row by row with the rules of
 * POST /api/teams and PATCH /api/teams/:id, then written in one transaction or not at all.
 */

const TEAMS = 'name,managerEmail,capacity,region,segment,timezone,holidayCountry';

describe('bulk import of teams (CSV, admin)', () => {
  const app = useImportApp();
  let t: TestApp;
  let f: Fixtures;
  const asAdmin = (dryRun = false) => app.asAdmin(dryRun);

  beforeAll(() => {
    ({ t, f } = app);
  });

  it('creates and updates teams matched by name (any case); the manager must be an active manager or admin; a re-run changes nothing', async () => {
    const x = tag();
    const [host, other, inactive] = [await f.manager(), await f.manager(), await f.manager()];
    const pm = await f.pm(host);
    await call(t.url, 'PATCH', `/api/users/${inactive.user.id}`, { token: f.admin.token, body: { active: false } });
    const existing = await f.team(host, { capacity: 2, region: 'EMEA' });
    const valid = [
      [existing.name.toUpperCase(), other.user.email, '3', 'EMEA', 'Enterprise', 'Europe/Berlin', 'de'],
      [`New ${x}`, host.user.email.toUpperCase(), '1', 'NA', '', '', ''],
    ];
    const file = csv(TEAMS, [
      ...valid,
      [`Bad ${x}`, pm.user.email, '1', '', '', '', ''],
      [`Gone ${x}`, inactive.user.email, '1', '', '', '', ''],
      [`Zero ${x}`, host.user.email, '0', '', '', '', ''],
      [`Nobody ${x}`, `nobody.${x}@import.test`, '1', '', '', '', ''],
      [`Holidays ${x}`, host.user.email, '1', '', '', '', 'XX'],
    ]);
    const dry = await postCsv(t.url, 'teams', file, asAdmin(true));
    expect(dry.body).toEqual({
      dryRun: true,
      created: 1,
      updated: 1,
      unchanged: 0,
      errors: [
        { line: 4, field: 'managerEmail', message: `${pm.user.name} is a pm, not a manager` },
        { line: 5, field: 'managerEmail', message: `${inactive.user.name} is deactivated` },
        { line: 6, field: 'capacity', message: 'capacity must be at least 1' },
        { line: 7, field: 'managerEmail', message: `no user with email nobody.${x}@import.test` },
        { line: 8, field: 'holidayCountry', message: expect.stringMatching(/two-letter country code/) },
      ],
    });
    expect((await postCsv(t.url, 'teams', file, asAdmin())).status).toBe(422);
    expect(await sql(`SELECT 1 FROM teams WHERE name::text LIKE $1`, [`%${x}`])).toEqual([]);

    expect((await postCsv(t.url, 'teams', csv(TEAMS, valid), asAdmin())).body).toMatchObject({
      created: 1,
      updated: 1,
    });
    const updated = await call<Team>(t.url, 'GET', `/api/teams/${existing.id}`, { token: f.admin.token });
    expect(updated.body).toMatchObject({
      name: existing.name,
      managerId: other.user.id,
      capacity: 3,
      segment: 'Enterprise',
      timezone: 'Europe/Berlin',
      holidayCountry: 'DE',
    });
    expect((await postCsv(t.url, 'teams', csv(TEAMS, valid), asAdmin())).body).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
  });

  it('refuses to lower a capacity below what is booked; a raised capacity offers its place to the waitlist at once', async () => {
    const [lineManager, host] = [await f.manager(), await f.manager()];
    const start = futureMonday(20);
    const busy = await f.team(host, { capacity: 2 });
    for (let i = 0; i < 2; i++) await f.booked(await f.pm(lineManager), lineManager, host, busy.id, start);
    const full = await f.team(host, { capacity: 1 });
    await f.booked(await f.pm(lineManager), lineManager, host, full.id, start);
    const waiting = await released(f, await f.pm(lineManager), lineManager, full.id, start);
    await waitlist(f, host, waiting.id);

    const lower = await postCsv(
      t.url,
      'teams',
      csv('name,managerEmail,capacity', [[busy.name, host.user.email, '1']]),
      asAdmin(true),
    );
    expect(lower.body.errors).toEqual([
      { line: 2, field: 'capacity', message: expect.stringMatching(/^Capacity cannot drop to 1: 2 placements/) },
    ]);
    const raise = await postCsv(
      t.url,
      'teams',
      csv('name,managerEmail,capacity', [[full.name, host.user.email, '2']]),
      asAdmin(),
    );
    expect(raise.body).toMatchObject({ updated: 1, errors: [] });
    expect((await getRequest(f, lineManager, waiting.id)).status).toBe('offered');
  });
});
