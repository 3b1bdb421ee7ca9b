#!/usr/bin/env node
// The dashboard as a browser receives it: starts the built API (which serves
// the built dashboard), asks for index.html and every script and stylesheet
// it loads before any lazy route, the way Chromium asks (Accept-Encoding: br,
// gzip), and counts the bytes on the wire. Fails when the initial JavaScript
// is over 300 kB as served, when a file over 1 kB comes uncompressed, or when
// the caching rules break (hashed files immutable for a year, index.html
// revalidated on every load). Angular's budgets measure raw files only.
//
// Needs `nx build api dashboard`, PostgreSQL and Redis (DATABASE_URL's server,
// REDIS_URL); it uses a database and queue prefix of its own and removes both.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import pg from 'pg';

const ROOT = process.cwd();
const API_MAIN = join(ROOT, 'dist', 'apps', 'api', 'main.js');
const DASHBOARD = join(ROOT, 'dist', 'apps', 'dashboard', 'browser', 'index.html');
const LIMIT = 300 * 1024;
const PORT = Number(process.env.BUNDLE_CHECK_PORT ?? 3396);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://localhost:6379';
const id = `${Date.now().toString(36)}_${process.pid}`;
const dbUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@localhost:5432/postgres');
dbUrl.pathname = `/stint_bundle_${id}`;
const prefix = `stint-bundle-${id}`;
const IMMUTABLE = /max-age=31536000.*immutable/;

/** One GET as a browser sends it; the body as received, still compressed. */
function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port: PORT,
      path,
      headers: { 'accept-encoding': 'br, gzip', ...headers },
    });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function waitForHealth(api, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (api.exitCode !== null) throw new Error(`the API exited (${api.exitCode}) before it was up`);
    try {
      if ((await get('/api/health')).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API did not answer /api/health within ${seconds} s`);
}

async function cleanUp(api, varDir) {
  if (api && api.exitCode === null) {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
  }
  rmSync(varDir, { recursive: true, force: true });
  const admin = new URL(dbUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${dbUrl.pathname.slice(1)}" WITH (FORCE)`);
  await client.end();
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

/** What index.html loads before any lazy route: its scripts and stylesheets. */
function initialFiles(html) {
  return [...new Set([...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]))];
}

async function check() {
  const problems = [];
  const page = await get('/');
  if (page.status !== 200) throw new Error(`GET / answered ${page.status}`);
  if (!page.headers['content-encoding']) problems.push('index.html is served uncompressed');
  if (page.headers['cache-control'] !== 'no-cache')
    problems.push(`index.html is cached: ${page.headers['cache-control']}`);
  const plain = await get('/', { 'accept-encoding': 'identity' });
  const html = plain.body.toString('utf8');

  let js = 0;
  let jsRaw = 0;
  let wire = page.body.length;
  let raw = plain.body.length;
  const rows = [['index.html', page.body.length, plain.body.length, page.headers['content-encoding'] ?? 'none']];
  for (const file of initialFiles(html)) {
    const path = `/${file.replace(/^\//, '')}`;
    const [served, unencoded] = [await get(path), await get(path, { 'accept-encoding': 'identity' })];
    if (served.status !== 200) throw new Error(`GET ${path} answered ${served.status}`);
    const encoding = served.headers['content-encoding'] ?? 'none';
    if (unencoded.body.length > 1024 && encoding === 'none') problems.push(`${file} is served uncompressed`);
    if (!IMMUTABLE.test(String(served.headers['cache-control']))) {
      problems.push(`${file} is not cached as immutable: ${served.headers['cache-control']}`);
    }
    rows.push([file, served.body.length, unencoded.body.length, encoding]);
    wire += served.body.length;
    raw += unencoded.body.length;
    if (file.endsWith('.js')) {
      js += served.body.length;
      jsRaw += unencoded.body.length;
    }
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  for (const [file, sent, size, encoding] of rows) {
    console.log(`${kb(sent).padStart(9)} on the wire (${encoding.padEnd(4)}) of ${kb(size).padStart(9)}  ${file}`);
  }
  console.log(`${kb(js).padStart(9)} initial JavaScript as served (${kb(jsRaw)} raw; limit ${kb(LIMIT)})`);
  console.log(`${kb(wire).padStart(9)} first load in all (${kb(raw)} raw)`);
  // A repeat visit: the hashed files are immutable, so the browser asks for index.html alone.
  console.log(`${kb(page.body.length).padStart(9)} repeat load (index.html only; every hashed file is immutable)`);
  if (js > LIMIT) problems.push('The initial JavaScript is over budget: move code behind a lazy route.');
  return problems;
}

async function main() {
  for (const file of [API_MAIN, DASHBOARD]) {
    if (!existsSync(file)) {
      console.error(
        `Missing ${file}. Build first: NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build -p api dashboard`,
      );
      process.exit(1);
    }
  }
  const varDir = mkdtempSync(join(tmpdir(), 'stint-bundle-'));
  const api = spawn(process.execPath, [API_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      PORT: String(PORT),
      LOG_LEVEL: 'warn',
      STINT_VAR_DIR: varDir,
      SEED_DEMO: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let problems;
  try {
    await waitForHealth(api, 60);
    problems = await check();
  } finally {
    await cleanUp(api, varDir);
  }
  if (problems.length) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }
}

await main();
