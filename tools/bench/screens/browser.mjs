// Chromium for `npm run bench:screens`: signs in through the login form as the e2e tests do, then times each
// screen from navigation to its content shown, counting the /api requests it made and the bytes it transferred.
import { chromium } from 'playwright-core';
import { log, sleep } from '../lib.mjs';
import { BASE, CHROMIUM, VIEWPORT } from './config.mjs';

const LOADING = 'mat-progress-bar[mode="indeterminate"]';
const SETTLE_MS = 50; // the content must still be shown this long later (a chained request would show the bar again)
const VISIT_TIMEOUT_MS = 30_000;

export async function launch() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: BASE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  return { browser, page, traffic: watchTraffic(page, cdp) };
}

/** Counts /api requests in flight and finished, and the bytes Chromium received (headers and encoded bodies). */
function watchTraffic(page, cdp) {
  const traffic = { inFlight: 0, api: [], bytes: 0 };
  const isApi = (request) => new URL(request.url()).pathname.startsWith('/api/');
  page.on('request', (request) => {
    if (!isApi(request)) return;
    traffic.inFlight++;
    traffic.api.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  const done = (request) => {
    if (isApi(request)) traffic.inFlight--;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  cdp.on('Network.loadingFinished', (event) => (traffic.bytes += event.encodedDataLength));
  return traffic;
}

/** Signs in through /login as apps/dashboard-e2e does; returns the bytes of that first load (empty cache). */
export async function signIn({ page, traffic }, email, password) {
  traffic.bytes = 0;
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByRole('heading', { name: /Welcome, /, level: 1 })
    .waitFor({ state: 'visible', timeout: VISIT_TIMEOUT_MS });
  await waitUntilQuiet(page, traffic);
  return traffic.bytes;
}

async function contentShown(page, traffic, heading) {
  if (traffic.inFlight > 0) return false;
  if ((await page.locator(LOADING).count()) > 0) return false;
  return page.getByRole('heading', { name: heading, level: 1 }).first().isVisible();
}

async function waitUntilQuiet(page, traffic, heading = /./) {
  const deadline = Date.now() + VISIT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await contentShown(page, traffic, heading)) return;
    await sleep(10);
  }
  throw new Error(`${page.url()} did not settle within ${VISIT_TIMEOUT_MS} ms`);
}

/**
 * One visit: a full navigation (page.goto, the browser's cache warm from the sign-in), timed until the screen's
 * heading is visible, no /api request is in flight (at least one was made) and no loading bar is shown, and still
 * so SETTLE_MS later. Returns { ms, api, bytes }.
 */
export async function visit({ page, traffic }, screen) {
  traffic.api = [];
  traffic.bytes = 0;
  const started = performance.now();
  await page.goto(screen.path, { waitUntil: 'commit' });
  const deadline = Date.now() + VISIT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (traffic.api.length > 0 && (await contentShown(page, traffic, screen.heading))) {
      const ms = performance.now() - started;
      await sleep(SETTLE_MS);
      if (await contentShown(page, traffic, screen.heading)) return { ms, api: [...traffic.api], bytes: traffic.bytes };
      continue;
    }
    await sleep(10);
  }
  throw new Error(`${screen.name} (${screen.path}) showed no content within ${VISIT_TIMEOUT_MS} ms`);
}

/** A reload of the home screen after the visits: what a returning browser transfers (index.html, then the API). */
export async function repeatLoadBytes({ page, traffic }) {
  traffic.bytes = 0;
  traffic.api = [];
  await page.goto('/');
  await waitUntilQuiet(page, traffic, /Welcome, /);
  log(`  repeat load of / : ${traffic.bytes} bytes`);
  return traffic.bytes;
}
