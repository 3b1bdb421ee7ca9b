import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { Fixtures } from './support/fixtures';
import { call, startTestApp, TestApp } from './support/test-app';

/** Issue 13: the email log opens what an email said, as sent, in a sandbox. */
describe('GET /api/notifications/:id/body', () => {
  let t: TestApp;
  let f: Fixtures;
  let id: string;
  const html = '<p style="color:#333">Hello <b>Ana</b></p><script>document.title = "ran"</script>';

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t.url);
    const db = new Client({ connectionString: t.config.databaseUrl });
    await db.connect();
    try {
      const rows = await db.query<{ id: string }>(
        `INSERT INTO notifications (kind, recipient, subject, body_text, body_html, dedupe_key, status)
         VALUES ('digest', 'ana@test.stint', 'Your week', 'Hello Ana', $1, $2, 'sent') RETURNING id`,
        [html, `body-view:${randomUUID()}`],
      );
      id = rows.rows[0]?.id ?? '';
    } finally {
      await db.end();
    }
  });
  afterAll(() => t.close());

  it('gives an admin the HTML as sent, under a policy that runs no script and loads nothing', async () => {
    const answer = await call<string>(t.url, 'GET', `/api/notifications/${id}/body`, { token: f.admin.token });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(answer.body).toBe(html);
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('sandbox');
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('is for admins only, and an unknown or malformed id is a 404 in the contract’s shape', async () => {
    const manager = await f.manager();
    const refused = await call(t.url, 'GET', `/api/notifications/${id}/body`, { token: manager.token });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect((await call(t.url, 'GET', `/api/notifications/${id}/body`)).status).toBe(401);
    const unknown = await call(t.url, 'GET', `/api/notifications/${randomUUID()}/body`, { token: f.admin.token });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect((await call(t.url, 'GET', `/api/notifications/not-an-id/body`, { token: f.admin.token })).status).toBe(404);
  });
});
