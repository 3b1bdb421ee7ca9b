import type { ImportReport } from '@stint/contracts';
import { randomUUID } from 'node:crypto';
import { Fixtures } from './fixtures';
import { sql } from './sql';
import { CallResult, startTestApp, TestApp } from './test-app';

/* The bulk imports as an outside client sends them: a CSV file as the body of a POST. */

export interface ImportCall {
  token?: string;
  dryRun?: boolean;
  contentType?: string;
}

/** POST /api/import/<kind> with `body` as it is (text, or bytes that need not be UTF-8). */
export async function postCsv(
  base: string,
  kind: 'users' | 'teams',
  body: string | Uint8Array | undefined,
  options: ImportCall = {},
): Promise<CallResult<ImportReport & Record<string, unknown>>> {
  const headers: Record<string, string> = {};
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'text/csv; charset=utf-8';
  const path = `/api/import/${kind}${options.dryRun ? '?dryRun=true' : ''}`;
  // fetch types its body as DOM types; bytes are what is meant (a file that need not be UTF-8).
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: body as unknown as string });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** A CSV file from a header and rows of cells (no cell here needs quoting). */
export function csv(header: string, rows: string[][]): string {
  return [header, ...rows.map((cells) => cells.join(','))].join('\n') + '\n';
}

/** A short tag that keeps one test's emails and team names apart from every other's. */
export function tag(): string {
  return randomUUID().slice(0, 8);
}

export interface StoredUser {
  email: string;
  name: string;
  role: string;
  manager_email: string | null;
  timezone: string;
  locale: string | null;
  has_password: boolean;
  token_version: number;
}

/** Users whose email contains `part`, as PostgreSQL holds them, by email. */
export async function storedUsers(part: string): Promise<Map<string, StoredUser>> {
  const rows = await sql<StoredUser>(
    `SELECT u.email::text AS email, u.name, u.role, m.email::text AS manager_email, u.timezone, u.locale,
            u.password_hash IS NOT NULL AS has_password, u.token_version
       FROM users u LEFT JOIN users m ON m.id = u.manager_id
      WHERE u.email::text LIKE '%' || $1 || '%'`,
    [part],
  );
  return new Map(rows.map((r) => [r.email, r]));
}

export interface ImportApp {
  t: TestApp;
  f: Fixtures;
  /** Options for postCsv as the admin, a dry run or not. */
  asAdmin(dryRun?: boolean): ImportCall;
}

/** The API and an admin's fixtures for one describe: started before its tests, stopped after the last. */
export function useImportApp(): ImportApp {
  const app = { asAdmin: (dryRun = false) => ({ token: app.f.admin.token, dryRun }) } as ImportApp;
  beforeAll(async () => {
    app.t = await startTestApp();
    app.f = await Fixtures.create(app.t.url);
  });
  afterAll(() => app.t.close());
  return app;
}
