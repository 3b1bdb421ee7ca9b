// Bytes on the wire for `npm run bench`: the dashboard's first and repeat load as Chromium would make them, and
// one JSON list page compressed and raw.
import { log } from '../lib.mjs';
import { CHROMIUM_ENCODINGS, rawGet } from '../lib/wire.mjs';
import { BASE, PAGE_SIZE } from './config.mjs';

/** Every script, stylesheet, preload and icon index.html names (relative to the site root). */
function assetsOf(html) {
  const found = new Set();
  for (const [, attr] of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g))
    if (!/^(?:https?:|data:|\/\/)/.test(attr)) found.add(`/${attr.replace(/^\.?\//, '')}`);
  return [...found];
}

/** Whether a browser may reuse its copy without asking (max-age > 0 and no no-cache/no-store). */
function fresh(cacheControl = '') {
  const maxAge = Number(/max-age=(\d+)/.exec(cacheControl)?.[1] ?? 0);
  return maxAge > 0 && !/no-cache|no-store/.test(cacheControl);
}

/** What a repeat load costs for one resource: nothing if fresh, else a conditional request (304 or the body again). */
async function revalidate(path, first) {
  if (fresh(first.headers['cache-control'])) return { path, wireBytes: 0, status: 'cached' };
  const conditional = { 'accept-encoding': CHROMIUM_ENCODINGS };
  if (first.headers.etag) conditional['if-none-match'] = first.headers.etag;
  if (first.headers['last-modified']) conditional['if-modified-since'] = first.headers['last-modified'];
  const again = await rawGet(`${BASE}${path}`, conditional);
  return { path, wireBytes: again.wireBytes, status: String(again.status) };
}

/** The dashboard's first load (index.html and what it names) and a repeat load, in body bytes on the wire. */
async function dashboardLoads() {
  const index = await rawGet(`${BASE}/`, { 'accept-encoding': CHROMIUM_ENCODINGS });
  if (index.status !== 200 || !/<html/i.test(index.text))
    throw new Error(`GET / answered ${index.status} without a page: is the dashboard built (dist/apps/dashboard)?`);
  const files = [{ path: '/index.html', response: index }];
  for (const path of assetsOf(index.text))
    files.push({ path, response: await rawGet(`${BASE}${path}`, { 'accept-encoding': CHROMIUM_ENCODINGS }) });
  const raw = await Promise.all(
    files.map(({ path }) => rawGet(`${BASE}${path === '/index.html' ? '/' : path}`, { 'accept-encoding': 'identity' })),
  );
  const first = files.map(({ path, response }, i) => ({
    path,
    status: response.status,
    wireBytes: response.wireBytes,
    rawBytes: raw[i].wireBytes,
    encoding: response.headers['content-encoding'] ?? 'none',
    cacheControl: response.headers['cache-control'] ?? '—',
  }));
  const repeat = [];
  for (const { path, response } of files) repeat.push(await revalidate(path === '/index.html' ? '/' : path, response));
  return { first, repeat };
}

/** One page of the placements list as the admin, with and without compression. */
async function jsonPage(adminToken) {
  const path = `/api/placements?page=1&pageSize=${PAGE_SIZE}`;
  const auth = { authorization: `Bearer ${adminToken}`, accept: 'application/json' };
  const compressed = await rawGet(`${BASE}${path}`, { ...auth, 'accept-encoding': CHROMIUM_ENCODINGS });
  const plain = await rawGet(`${BASE}${path}`, { ...auth, 'accept-encoding': 'identity' });
  return {
    path,
    encoding: compressed.headers['content-encoding'] ?? 'none',
    wireBytes: compressed.wireBytes,
    rawBytes: plain.wireBytes,
  };
}

/** Measures what the dashboard and a list page cost on the wire; logs and returns the figures. */
export async function measureTransfer(adminToken) {
  log('transfer: the dashboard as Chromium loads it (first and repeat), and one JSON list page');
  const { first, repeat } = await dashboardLoads();
  const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);
  const json = await jsonPage(adminToken);
  const result = {
    first,
    repeat,
    firstWire: sum(first, 'wireBytes'),
    firstRaw: sum(first, 'rawBytes'),
    repeatWire: sum(repeat, 'wireBytes'),
    json,
  };
  log(
    `  first load ${kB(result.firstWire)} on the wire (${kB(result.firstRaw)} raw, ${first.length} files); repeat load ${kB(result.repeatWire)}; ` +
      `JSON page ${kB(json.wireBytes)} ${json.encoding} vs ${kB(json.rawBytes)} raw`,
  );
  return result;
}

export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
