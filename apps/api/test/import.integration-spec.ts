import type { Page, User } from '@stint/contracts';
import { Fixtures } from './support/fixtures';
import { csv, postCsv, storedUsers, tag, useImportApp } from './support/import';
import { sql } from './support/sql';
import { call, TestApp } from './support/test-app';

/*
 * The bulk import of users end to end (issue 16): a CSV file checked row by row with the rules of
 * POST /api/users, then written in one transaction or not at all. Teams: import-teams.integration-spec.ts.
 */

const USERS = 'email,name,role,managerEmail,timezone,locale';

describe('bulk import of users (CSV, admin)', () => {
  const app = useImportApp();
  let t: TestApp;
  let f: Fixtures;
  const asAdmin = (dryRun = false) => app.asAdmin(dryRun);

  beforeAll(() => {
    ({ t, f } = app);
  });

  it('a dry run writes nothing; the real run creates everyone (line managers further down too), without passwords; a re-run changes nothing', async () => {
    const x = tag();
    const [kim, lee, ana] = ['kim', 'lee', 'ana'].map((n) => `${n}.${x}@import.test`) as [string, string, string];
    const file = csv(USERS, [
      [kim, 'Kim Park', 'pm', ana, 'Europe/Berlin', 'en-gb'],
      [lee, 'Lee Chan', 'PM', ana.toUpperCase(), '', ''],
      [ana, 'Ana Ruiz', 'manager', '', 'America/New_York', 'es'],
    ]);
    const dry = await postCsv(t.url, 'users', file, asAdmin(true));
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ dryRun: true, created: 3, updated: 0, unchanged: 0, errors: [] });
    expect((await storedUsers(x)).size).toBe(0);

    const real = await postCsv(t.url, 'users', file, asAdmin());
    expect(real.body).toEqual({ dryRun: false, created: 3, updated: 0, unchanged: 0, errors: [] });
    const stored = await storedUsers(x);
    expect(stored.get(kim)).toMatchObject({
      role: 'pm',
      manager_email: ana,
      timezone: 'Europe/Berlin',
      locale: 'en-GB',
    });
    expect(stored.get(lee)).toMatchObject({ role: 'pm', manager_email: ana, timezone: 'UTC', locale: null });
    expect(stored.get(ana)).toMatchObject({ role: 'manager', manager_email: null, locale: 'es', has_password: false });
    const listed = await call<Page<User>>(t.url, 'GET', `/api/users?q=${x}`, { token: f.admin.token });
    expect(listed.body.items.find((u) => u.email === kim)).toMatchObject({ name: 'Kim Park', locale: 'en-GB' });
    const audit = await sql<{ after: Record<string, number> }>(
      `SELECT after FROM audit_log WHERE action = 'import.users' AND actor_id = $1 ORDER BY id DESC LIMIT 1`,
      [f.admin.user.id],
    );
    expect(audit[0]?.after).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0 });

    // No password: signing in fails exactly as a wrong password does.
    const noPassword = await call(t.url, 'POST', '/api/auth/login', { body: { email: kim, password: 'any-guess-1' } });
    const wrong = await call(t.url, 'POST', '/api/auth/login', { body: { email: lee, password: 'any-guess-2' } });
    expect(noPassword.status).toBe(401);
    expect(noPassword.body).toEqual({
      statusCode: 401,
      code: 'UNAUTHORIZED',
      message: 'Wrong email or password.',
      details: {},
    });
    expect(wrong.body).toEqual(noPassword.body);

    const again = await postCsv(t.url, 'users', file, asAdmin());
    expect(again.body).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: 3, errors: [] });
  });

  it('updates users matched by email in any case; a role change ends their sessions, a rename does not', async () => {
    const manager = await f.manager();
    const pm = await f.pm(manager);
    const file = csv(USERS, [
      [pm.user.email.toUpperCase(), 'Promoted PM', 'manager', '', 'Asia/Tokyo', 'ja'],
      [manager.user.email, 'Renamed Manager', 'manager', '', 'UTC', ''],
    ]);
    const result = await postCsv(t.url, 'users', file, asAdmin());
    expect(result.body).toEqual({ dryRun: false, created: 0, updated: 2, unchanged: 0, errors: [] });
    expect((await call(t.url, 'GET', '/api/me', { token: pm.token })).status).toBe(401);
    const me = await call<User>(t.url, 'GET', '/api/me', { token: manager.token });
    expect(me.body).toMatchObject({ name: 'Renamed Manager', role: 'manager' });
    expect((await storedUsers(pm.user.email)).get(pm.user.email)).toMatchObject({
      name: 'Promoted PM',
      manager_email: null,
      timezone: 'Asia/Tokyo',
      locale: 'ja',
      has_password: true,
    });
  });

  it('reports every bad row by line and field; with one bad row the real run writes nothing (422)', async () => {
    const x = tag();
    const pm = await f.pm(await f.manager());
    const e = (n: string) => `${n}.${x}@import.test`;
    const file = csv(USERS, [
      ['not-an-email', 'Two', 'pm', e('ok'), '', ''],
      [e('r3'), 'Three', 'boss', '', '', ''],
      [e('r4'), 'Four', 'manager', '', 'Mars/Olympus', ''],
      [e('r5'), 'Five', 'manager', '', '', 'en_US'],
      [e('r6'), 'Six', 'pm', e('ghost'), '', ''],
      [e('r7'), 'Seven', 'pm', '', '', ''],
      [e('r8'), 'Eight', 'pm', pm.user.email, '', ''],
      [e('ok'), 'Fine', 'manager', '', '', ''],
      [e('ok'), 'Again', 'manager', '', '', ''],
      [e('r11'), 'Eleven', 'manager'],
      [e('r12'), '', 'manager', '', '', ''],
    ]);
    const expected = [
      { line: 2, field: 'email', message: 'email must be an email address' },
      { line: 3, field: 'role', message: 'role must be one of pm, manager, admin' },
      { line: 4, field: 'timezone', message: expect.stringMatching(/IANA time zone/) },
      { line: 5, field: 'locale', message: expect.stringMatching(/BCP 47/) },
      { line: 6, field: 'managerEmail', message: `no user with email ${e('ghost')}, neither in the file nor in Stint` },
      { line: 7, field: 'managerEmail', message: 'a pm needs managerEmail: the email of their line manager' },
      { line: 8, field: 'managerEmail', message: `${pm.user.name} is a pm, not a manager` },
      { line: 10, field: 'email', message: `${e('ok')} is already on line 9` },
      { line: 11, field: 'row', message: 'has 3 cells; the header has 6' },
      { line: 12, field: 'name', message: 'name is required' },
    ];
    const dry = await postCsv(t.url, 'users', file, asAdmin(true));
    expect(dry.body).toEqual({ dryRun: true, created: 1, updated: 0, unchanged: 0, errors: expected });
    const real = await postCsv(t.url, 'users', file, asAdmin());
    expect(real.status).toBe(422);
    expect(real.body).toMatchObject({ statusCode: 422, code: 'VALIDATION_FAILED', details: { errors: expected } });
    expect((await storedUsers(x)).size).toBe(0);
  });

  it('refuses a loop of line managers, within the file or through existing users, on each of its lines', async () => {
    const x = tag();
    const [y1, y2] = [await f.manager(), await f.manager()];
    const patched = await call(t.url, 'PATCH', `/api/users/${y1.user.id}`, {
      token: f.admin.token,
      body: { managerId: y2.user.id },
    });
    expect(patched.status).toBe(200);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => `${n}.${x}@import.test`) as [string, string, string];
    const file = csv(USERS, [
      [a, 'A', 'manager', b, '', ''],
      [b, 'B', 'manager', a, '', ''],
      [y2.user.email, y2.user.name, 'manager', y1.user.email, '', ''],
      [c, 'C', 'pm', a, '', ''],
    ]);
    const dry = await postCsv(t.url, 'users', file, asAdmin(true));
    expect(dry.body.errors).toEqual([
      { line: 2, field: 'managerEmail', message: `line managers go round in a loop: ${a} → ${b} → ${a}` },
      { line: 3, field: 'managerEmail', message: `line managers go round in a loop: ${a} → ${b} → ${a}` },
      { line: 4, field: 'managerEmail', message: expect.stringMatching(/go round in a loop: .*→.*→/) },
    ]);
    expect(dry.body.created).toBe(1);
  });

  it('keeps the users service rules: no pm with reports, no last admin demoted (unless the file also moves the reports)', async () => {
    const manager = await f.manager();
    const report = await f.pm(manager);
    const other = await f.manager();
    const demote = [manager.user.email, manager.user.name, 'pm', other.user.email, '', ''];
    // Every active admin in this database (other suites make some; so does this line) demoted by the same file.
    await f.user('admin');
    const admins = await sql<{ email: string; name: string }>(
      `SELECT email, name FROM users WHERE role = 'admin' AND active ORDER BY email`,
    );
    const demoteAdmins = admins.map((a) => [a.email, a.name, 'manager', '', 'UTC', '']);
    const refused = await postCsv(t.url, 'users', csv(USERS, [demote, ...demoteAdmins]), asAdmin(true));
    expect(refused.body.errors[0]).toEqual({
      line: 2,
      field: 'role',
      message: expect.stringMatching(/still has reports or teams/),
    });
    expect(refused.body.errors.slice(1)).toContainEqual({
      line: expect.any(Number),
      field: 'role',
      message: expect.stringMatching(/at least one active admin/),
    });
    const moved = csv(USERS, [demote, [report.user.email, report.user.name, 'pm', other.user.email, 'UTC', '']]);
    expect((await postCsv(t.url, 'users', moved, asAdmin())).body).toMatchObject({ updated: 2, errors: [] });
  });

  it('only admins import, and only UTF-8 CSV: every other body is refused in the contract shape', async () => {
    const file = csv(USERS, [[`n.${tag()}@import.test`, 'N', 'manager', '', '', '']]);
    const manager = await f.manager();
    expect((await postCsv(t.url, 'users', file, { token: manager.token })).status).toBe(403);
    expect((await postCsv(t.url, 'teams', file, { token: manager.token })).body.code).toBe('FORBIDDEN');
    expect((await postCsv(t.url, 'users', file)).status).toBe(401);
    const refusals: Array<[string | Uint8Array | undefined, string | undefined, number, RegExp]> = [
      ['{"email":"a@b.c"}', 'application/json', 415, /text\/csv/],
      [file, 'text/plain', 415, /text\/csv/],
      [undefined, undefined, 415, /text\/csv/],
      [file, 'text/csv; charset=iso-8859-1', 415, /UTF-8/],
      [new Uint8Array([0x65, 0x6d, 0xff, 0xfe, 0x0a]), 'text/csv', 400, /not UTF-8/],
      ['', 'text/csv', 400, /empty/],
      ['email,name\na@b.c,A\n', 'text/csv', 400, /Missing column role/],
      ['email,name,role,shoeSize\n', 'text/csv', 400, /Unknown column shoeSize/],
      ['email,name,role\n"a@b.c,A,pm\n', 'text/csv', 400, /not valid CSV/],
      [`email,name,role\n${'x@y.z,X,pm\n'.repeat(10_001)}`, 'text/csv', 400, /at most 10000/],
      [`email,name,role\n${'x'.repeat(5 * 1024 * 1024)}\n`, 'text/csv', 413, /too large/],
    ];
    for (const [body, contentType, status, message] of refusals) {
      const result = await postCsv(t.url, 'users', body, { token: f.admin.token, contentType });
      expect({ status: result.status, code: result.body.code }).toEqual({ status, code: 'VALIDATION_FAILED' });
      expect(result.body.message).toMatch(message);
      expect(Object.keys(result.body).sort()).toEqual(['code', 'details', 'message', 'statusCode']);
    }
    const elsewhere = await call(t.url, 'POST', '/api/users', {
      token: f.admin.token,
      rawBody: file,
      headers: { 'content-type': 'text/csv' },
    });
    expect(elsewhere).toMatchObject({ status: 415, body: { code: 'VALIDATION_FAILED' } });
    const badFlag = await call(t.url, 'POST', '/api/import/users?dryRun=maybe', {
      token: f.admin.token,
      rawBody: file,
      headers: { 'content-type': 'text/csv' },
    });
    expect(badFlag).toMatchObject({
      status: 400,
      body: { details: { fields: { dryRun: 'dryRun must be true or false' } } },
    });
  });

  it('POST and PATCH /api/users take a locale too: checked as BCP 47, kept in canonical form, null clears it', async () => {
    const manager = await f.manager();
    const body = { email: `loc.${tag()}@import.test`, name: 'Loc', role: 'pm', password: 'password-123' };
    const created = await call<User>(t.url, 'POST', '/api/users', {
      token: f.admin.token,
      body: { ...body, managerId: manager.user.id, locale: 'pt-br' },
    });
    expect(created).toMatchObject({ status: 201, body: { locale: 'pt-BR' } });
    const path = `/api/users/${created.body.id}`;
    const bad = await call(t.url, 'PATCH', path, { token: f.admin.token, body: { locale: 'pt_BR' } });
    expect(bad).toMatchObject({
      status: 400,
      body: { details: { fields: { locale: expect.stringMatching(/BCP 47/) } } },
    });
    const cleared = await call<User>(t.url, 'PATCH', path, { token: f.admin.token, body: { locale: null } });
    expect(cleared).toMatchObject({ status: 200, body: { locale: null } });
    expect((await call<User>(t.url, 'GET', '/api/me', { token: manager.token })).body.locale).toBeNull();
  });

  it('imports 10,000 users in one transaction, well within 30 s, and finds them all unchanged the second time', async () => {
    const x = tag();
    const managers = Array.from({ length: 100 }, (_, i) => `m${i}.${x}@bulk.test`);
    const pms = Array.from({ length: 9_900 }, (_, i) => [
      `p${i}.${x}@bulk.test`,
      `PM ${i}`,
      'pm',
      managers[i % 100] ?? '',
      'Europe/Paris',
      'fr',
    ]);
    // The PMs come first: every line manager is named before their own row.
    const file = csv(USERS, [...pms, ...managers.map((m, i) => [m, `Manager ${i}`, 'manager', '', 'UTC', ''])]);
    const started = Date.now();
    const result = await postCsv(t.url, 'users', file, asAdmin());
    const ms = Date.now() - started;
    expect(result.body).toMatchObject({ created: 10_000, updated: 0, unchanged: 0, errors: [] });
    const again = Date.now();
    const rerun = await postCsv(t.url, 'users', file, asAdmin());
    console.log(
      `Importing 10,000 users (${(file.length / 1024).toFixed(0)} kB of CSV): ${ms} ms; re-importing them unchanged: ${Date.now() - again} ms.`,
    );
    expect(rerun.body).toMatchObject({ created: 0, updated: 0, unchanged: 10_000 });
    expect(ms).toBeLessThan(30_000);
    const [count] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE email::text LIKE $1 AND manager_id IS NOT NULL`,
      [`p%.${x}@bulk.test`],
    );
    expect(count?.n).toBe(9_900);
  }, 120_000);
});
