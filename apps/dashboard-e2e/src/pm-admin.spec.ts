import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ADMIN, dialogSettled, saveScreen } from './support/screens';

/*
 * The PM's and the programme admin's self-service, against the built system
 * with the demo seed. Other spec files share the database, so everything this
 * file relies on (PMs, teams, rotations) is created here under unique names.
 */

const DEMO_PASSWORD = 'demo1234';
const MARIA = 'maria.manager@stint.local';
const SAM = 'sam.manager@stint.local';
const run = Date.now().toString(36);

interface Session {
  accessToken: string;
  user: { id: string; name: string; email: string; role: string };
}

function isoDay(offset = 0): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

async function apiLogin(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await request.post('/api/auth/login', { data: { email, password } });
  expect(response.status(), `login ${email}`).toBe(200);
  return (await response.json()) as Session;
}

async function call<T>(
  request: APIRequestContext,
  session: Session,
  method: 'get' | 'post' | 'patch' | 'put' | 'delete',
  url: string,
  data?: unknown,
  status = [200, 201],
): Promise<T> {
  const response = await request[method](url, {
    headers: { Authorization: `Bearer ${session.accessToken}` },
    ...(data !== undefined && { data }),
  });
  expect(status, `${method.toUpperCase()} ${url} → ${response.status()} ${await response.text()}`).toContain(
    response.status(),
  );
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

async function userId(request: APIRequestContext, admin: Session, email: string): Promise<string> {
  const page = await call<{ items: Array<{ id: string; email: string }> }>(
    request,
    admin,
    'get',
    `/api/users?q=${encodeURIComponent(email)}`,
  );
  const found = page.items.find((u) => u.email === email);
  expect(found, `user ${email}`).toBeTruthy();
  return found?.id ?? '';
}

/** A fresh PM reporting to Maria, so no other spec file's rotations get in the way. */
async function createPm(
  request: APIRequestContext,
  admin: Session,
  label: string,
): Promise<{ id: string; email: string; name: string; password: string }> {
  const email = `e2e.${label}.${run}@stint.local`;
  const name = `E2E ${label} ${run}`;
  const password = 'e2e-password';
  const user = await call<{ id: string }>(request, admin, 'post', '/api/users', {
    email,
    name,
    role: 'pm',
    password,
    managerId: await userId(request, admin, MARIA),
    timezone: 'Europe/Berlin',
  });
  return { id: user.id, email, name, password };
}

/** A fresh team hosted by Sam with room to spare. */
async function createTeam(
  request: APIRequestContext,
  admin: Session,
  label: string,
): Promise<{ id: string; name: string }> {
  const name = `E2E ${label} ${run}`;
  const team = await call<{ id: string }>(request, admin, 'post', '/api/teams', {
    name,
    managerId: await userId(request, admin, SAM),
    capacity: 3,
    region: 'Test',
    segment: 'E2E',
    timezone: 'UTC',
  });
  return { id: team.id, name };
}

async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Welcome, / })).toBeVisible();
}

function blocking(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** No serious or critical axe violation on the whole page (shell included) as it is now. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.locator('mat-progress-bar')).toHaveCount(0, { timeout: 15_000 });
  // Material's snack bar keeps its live region aria-hidden for a moment while it announces; scan once it has settled.
  await expect(page.locator('.mat-mdc-snack-bar-container [aria-hidden="true"]')).toHaveCount(0, { timeout: 5_000 });
  const results = await new AxeBuilder({ page }).analyze();
  expect(blocking(results.violations), `axe on ${screen}`).toEqual([]);
}

interface CheckInView {
  id: string;
  kind: string;
  scheduledAt: string;
  status: string;
  ratings: { negotiation: number; closing: number; persistence: number } | null;
  opensOn?: string;
}

/** How the page writes a calendar day (`Mon 5 Jan 2099`), allowing for the month's spelling in the browser's ICU. */
function dayPattern(iso: string): RegExp {
  const [year, month, day] = iso.split('-').map(Number);
  const weekday = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).toLocaleDateString('en-GB', {
    weekday: 'short',
    timeZone: 'UTC',
  });
  return new RegExp(`opens on ${weekday} ${day} \\p{L}+ ${year}, the day of this check-in`, 'u');
}

/** `+2`, `0`, `−1`, as the trend writes a change. */
function signed(delta: number): string {
  return delta > 0 ? `+${delta}` : delta < 0 ? `\u2212${Math.abs(delta)}` : '0';
}

/**
 * The first overdue check-in (in the API's order) of a demo PM (pm01…pm20, who sign in with the demo
 * password), with that PM, their line manager, and the PM's reflections filed so far.
 */
async function overdueDemoCheckIn(
  request: APIRequestContext,
  admin: Session,
): Promise<{
  checkIn: CheckInView;
  pm: { id: string; email: string };
  lineManagerEmail: string;
  completedBefore: Array<{ id: string; scheduledAt: string; ratings: NonNullable<CheckInView['ratings']> }>;
}> {
  const users = await call<{ items: Array<{ id: string; email: string; managerId: string | null }> }>(
    request,
    admin,
    'get',
    '/api/users?pageSize=200',
  );
  const overdue = await call<{ items: Array<CheckInView & { placementId: string }> }>(
    request,
    admin,
    'get',
    '/api/check-ins?status=overdue&pageSize=200',
  );
  for (const checkIn of overdue.items) {
    const placement = await call<{ pmId: string }>(request, admin, 'get', `/api/placements/${checkIn.placementId}`);
    const pm = users.items.find((u) => u.id === placement.pmId);
    if (!pm || !/^pm\d{2}@stint\.local$/.test(pm.email)) continue;
    const lineManager = users.items.find((u) => u.id === pm.managerId);
    expect(lineManager, `line manager of ${pm.email}`).toBeTruthy();
    const placements = await call<{ items: Array<{ checkIns: CheckInView[] }> }>(
      request,
      admin,
      'get',
      `/api/placements?pmId=${pm.id}&pageSize=200`,
    );
    const completedBefore = placements.items
      .flatMap((p) => p.checkIns)
      .flatMap((c) =>
        c.status === 'completed' && c.ratings ? [{ id: c.id, scheduledAt: c.scheduledAt, ratings: c.ratings }] : [],
      );
    return { checkIn, pm, lineManagerEmail: lineManager?.email ?? '', completedBefore };
  }
  throw new Error('The demo seed has no overdue check-in of a demo PM.');
}

function startsWith(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

/**
 * Picks an option of a Material select (not a native <select>). The select's
 * accessible name is its label followed by the current value, hence the prefix match.
 */
async function choose(
  page: Page,
  label: string,
  option: string | RegExp,
  multiple = false,
  within?: Locator,
): Promise<void> {
  const select = (within ?? page).getByRole('combobox', { name: startsWith(label) });
  // Centred first, so the option panel has room to open inside the viewport.
  await select.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await select.click();
  await page.getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option }).click();
  if (multiple) await page.keyboard.press('Escape');
  await expect(page.locator('.mat-mdc-select-panel')).toHaveCount(0);
}

/**
 * A manager approves in the approvals screen under their own login; should
 * that screen not answer, the same decision goes through the API with their token.
 */
async function approveAs(
  browser: Browser,
  request: APIRequestContext,
  email: string,
  requestId: string,
  expected: RegExp,
): Promise<'ui' | 'api'> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, email);
    await page.goto(`/approvals/${requestId}`);
    const approve = page.getByRole('button', { name: 'Approve', exact: true });
    await approve.click();
    await expect(page.getByTestId('decision-result')).toContainText(expected);
    return 'ui';
  } finally {
    await context.close();
  }
}

test.describe('PM self-service', () => {
  test('a PM plans a rotation from a suggestion, both managers approve, the PM sees it booked and reflects', async ({
    page,
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const admin = await apiLogin(request, ADMIN.email, ADMIN.password);
    const pm = await createPm(request, admin, 'planner');
    const team = await createTeam(request, admin, 'Host');

    await signIn(page, pm.email, pm.password);
    await page.getByRole('link', { name: 'Plan a rotation' }).click();
    await expect(page.getByRole('heading', { name: 'Plan a rotation', level: 1 })).toBeVisible();

    // A duration outside the policy is explained next to the duration.
    await page.getByLabel('Duration (weeks)').fill('20');
    await page.getByLabel('Duration (weeks)').blur();
    await expect(page.getByTestId('duration-error')).toContainText('outside the policy');
    await page.getByLabel('Duration (weeks)').fill('2');
    await choose(page, 'Preferred teams', new RegExp(team.name), true);
    // Two weeks out, so the rotation (and its kick-off) is always ahead, whatever the weekday today.
    await page.getByLabel('Earliest start').fill(isoDay(14));

    // Live suggestions for the preferred team.
    const suggestions = page.getByTestId('suggestions');
    const firstSlot = suggestions.getByRole('button', { name: new RegExp(team.name) }).first();
    await expect(firstSlot).toBeVisible();
    await expect(page).toHaveURL(/\/plan/);

    // A start date in the past is refused by the API, and the reason shows next to the dates.
    await choose(page, 'Team', team.name);
    await page.getByLabel('Start date').fill(isoDay(-3));
    await page.getByRole('option', { name: 'Negotiation' }).click();
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByTestId('dates-error')).toContainText(/already passed/);
    await saveScreen(page, 'pm-plan-rule-error');

    // Pick the suggestion instead: the error goes, the request goes through.
    await firstSlot.click();
    await expect(firstSlot).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('dates-error')).toHaveCount(0);
    await page.getByRole('option', { name: 'Closing' }).click();
    await page.getByLabel('Another goal').fill('Shadow a renewal call');
    await page.getByRole('button', { name: 'Add goal' }).click();
    await expect(page.getByRole('option', { name: 'Shadow a renewal call' })).toHaveAttribute('aria-selected', 'true');
    await page.getByLabel('Motivation').fill('I own pricing and want to hear objections first-hand.');
    await saveScreen(page, 'pm-plan');
    await expectAccessible(page, 'plan');

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.locator('mat-sidenav')).toBeHidden();
    await saveScreen(page, 'pm-plan-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page).toHaveURL(/\/my-rotations/);
    const card = page.getByTestId('requests').locator('mat-card').filter({ hasText: team.name }).first();
    await expect(card).toContainText('Waiting for line manager');
    await expect(card).toContainText('Shadow a renewal call');
    const requestId = (await card.getAttribute('data-request-id')) ?? '';
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await saveScreen(page, 'pm-my-rotations-pending');

    // The same window again now overlaps the pending request, and the planner says so before submitting.
    await page.goto('/plan');
    await choose(page, 'Team', team.name);
    const pending = await call<{ startDate: string }>(
      request,
      await apiLogin(request, pm.email, pm.password),
      'get',
      `/api/rotation-requests/${requestId}`,
    );
    await page.getByLabel('Start date').fill(pending.startDate);
    await expect(page.getByTestId('overlap-warning')).toContainText('overlap a pending request');

    // Line manager releases, host manager books.
    await approveAs(browser, request, MARIA, requestId, /Approved/);
    await approveAs(browser, request, SAM, requestId, /booked/);

    await page.goto('/my-rotations');
    await expect(card).toContainText('Booked');
    await expect(card).toContainText('Line manager approved');
    await expect(card).toContainText('Host team manager approved');
    const placement = page.getByTestId('placements').locator('mat-card').filter({ hasText: team.name }).first();
    await expect(placement).toBeVisible();
    await expect(placement.locator('.timeline li')).toHaveCount(4); // W + 2 check-ins for two weeks
    const placementId = (await placement.getAttribute('data-placement-id')) ?? '';
    await saveScreen(page, 'pm-my-rotations');
    await expectAccessible(page, 'my-rotations');

    // Calendar invites download with the PM's token.
    const download = page.waitForEvent('download');
    await placement.getByRole('button', { name: /calendar invite for Kick-off/i }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.ics$/);
    expect(readFileSync(await file.path(), 'utf8')).toContain('BEGIN:VCALENDAR');

    // The reflection, reached as reminder emails link to it: a deep link that survives signing in again.
    const kickoffHref = (await placement.getByRole('link', { name: 'Kick-off' }).getAttribute('href')) ?? '';
    expect(kickoffHref).toMatch(/^\/check-ins\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(kickoffHref);
    await expect(page).toHaveURL(/\/login\?returnUrl=/);
    await page.getByLabel('Email').fill(pm.email);
    await page.getByLabel('Password').fill(pm.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`${kickoffHref}$`));
    await expect(page.getByRole('heading', { name: 'Kick-off', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your reflection' })).toBeVisible();

    // The rotation is weeks away: the page says when the reflection opens instead of a form the API would refuse.
    const session = await apiLogin(request, pm.email, pm.password);
    const full = await call<{ checkIns: CheckInView[] }>(request, session, 'get', `/api/placements/${placementId}`);
    const kickoff = full.checkIns.find((c) => c.kind === 'kickoff');
    expect(kickoffHref).toBe(`/check-ins/${kickoff?.id}`);
    expect(kickoff?.opensOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByTestId('opens-on')).toContainText(dayPattern(kickoff?.opensOn ?? ''));
    await expect(page.getByRole('button', { name: 'Complete check-in' })).toHaveCount(0);
    await saveScreen(page, 'pm-check-in-not-open');
    await expectAccessible(page, 'check-in not open yet');
    const early = await request.post(`/api/check-ins/${kickoff?.id}/complete`, {
      headers: { Authorization: `Bearer ${session.accessToken}` },
      data: { ratings: { negotiation: 2, closing: 3, persistence: 2 }, notes: 'Too early.' },
    });
    expect(early.status()).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'INVALID_STATE', details: { opensOn: kickoff?.opensOn } });

    // A reflection that is due: a demo PM with an overdue check-in (the first the API lists) files it.
    const due = await overdueDemoCheckIn(request, admin);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, due.pm.email);
    await page.goto(`/check-ins/${due.checkIn.id}`);
    await expect(page.getByRole('heading', { name: 'Your reflection' })).toBeVisible();
    await expect(page.getByTestId('check-in-status')).toHaveText('Overdue');
    await expect(page.getByTestId('opens-on')).toHaveCount(0);

    await page.getByRole('button', { name: 'Complete check-in' }).click();
    await expect(page.getByText('Rate negotiation from 1 to 5.')).toBeVisible();
    await saveScreen(page, 'pm-check-in-reflection');
    await expectAccessible(page, 'check-in reflection');

    const mine = { negotiation: 2, closing: 3, persistence: 2 };
    await page.getByRole('radiogroup', { name: 'Negotiation' }).getByRole('radio', { name: '2' }).check();
    await page.getByRole('radiogroup', { name: 'Closing' }).getByRole('radio', { name: '3' }).check();
    await page.getByRole('radiogroup', { name: 'Persistence' }).getByRole('radio', { name: '2' }).check();
    await page.getByLabel('Notes').fill('Caught up late: picked three deals to follow.');
    await page.getByRole('button', { name: 'Complete check-in' }).click();
    await expect(page.getByTestId('check-in-status')).toHaveText('Completed');
    await expect(page.getByTestId('reflection')).toContainText('2 of 5');

    // The ratings trend: the PM's earlier reflections (as the API had them) and this one, first to latest by schedule.
    const points = [
      ...due.completedBefore,
      { id: due.checkIn.id, scheduledAt: due.checkIn.scheduledAt, ratings: mine },
    ].sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt) || a.id.localeCompare(b.id));
    await expect(page.getByTestId('trend-table').locator('tbody tr')).toHaveCount(points.length);
    const first = points[0]?.ratings;
    const last = points[points.length - 1]?.ratings;
    if (first && last && points.length > 1) {
      for (const [skill, label] of [
        ['negotiation', 'Negotiation'],
        ['closing', 'Closing'],
        ['persistence', 'Persistence'],
      ] as const) {
        await expect(page.getByTestId('trend-change')).toContainText(`${label} ${signed(last[skill] - first[skill])}`);
      }
    }
    await saveScreen(page, 'pm-check-in-trend');
    await expectAccessible(page, 'check-in trend');

    // Completing twice is refused; the page then shows the reflection, not the form.
    const demoSession = await apiLogin(request, due.pm.email);
    const again = await request.post(`/api/check-ins/${due.checkIn.id}/complete`, {
      headers: { Authorization: `Bearer ${demoSession.accessToken}` },
      data: { ratings: mine, notes: '' },
    });
    expect(again.status()).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'INVALID_STATE', details: { status: 'completed' } });

    // The PM's line manager reads the reflection and adds feedback on the same page.
    const lineManager = await browser.newContext();
    const lineManagerPage = await lineManager.newPage();
    await signIn(lineManagerPage, due.lineManagerEmail);
    await lineManagerPage.goto(`/check-ins/${due.checkIn.id}`);
    await expect(lineManagerPage.getByTestId('reflection')).toContainText('3 of 5');
    await lineManagerPage.getByLabel('Your feedback').fill('Good catch-up: ask for the next step on every call.');
    await lineManagerPage.getByRole('button', { name: 'Add feedback' }).click();
    await expect(lineManagerPage.getByTestId('feedback')).toContainText('ask for the next step');
    await saveScreen(lineManagerPage, 'manager-check-in-feedback');
    await expectAccessible(lineManagerPage, 'check-in (manager)');
    await lineManager.close();

    // A line manager can plan for their PM too.
    const manager = await browser.newContext();
    const managerPage = await manager.newPage();
    await signIn(managerPage, MARIA);
    await managerPage.goto(`/plan?pmId=${pm.id}`);
    await expect(managerPage.getByRole('combobox', { name: startsWith('Product manager') })).toContainText(pm.name);
    await expect(managerPage.getByTestId('existing-rotations')).toContainText(team.name);
    await expect(managerPage.getByTestId('suggestions').getByRole('button').first()).toBeVisible();
    await saveScreen(managerPage, 'manager-plan-for-pm');
    await expectAccessible(managerPage, 'plan (manager)');
    await manager.close();
  });

  test('a PM edits a pending request (approval restarts) and withdraws it', async ({ page, request }) => {
    const admin = await apiLogin(request, ADMIN.email, ADMIN.password);
    const pm = await createPm(request, admin, 'editor');
    const team = await createTeam(request, admin, 'Edit');
    const session = await apiLogin(request, pm.email, pm.password);
    const [slot] = await call<Array<{ startDate: string }>>(
      request,
      session,
      'get',
      `/api/slots?durationWeeks=2&earliestStart=${isoDay(14)}&latestEnd=${isoDay(200)}&teamId=${team.id}&limit=1`,
    );
    expect(slot).toBeTruthy();
    const created = await call<{ id: string }>(request, session, 'post', '/api/rotation-requests', {
      teamId: team.id,
      startDate: slot?.startDate,
      durationWeeks: 2,
      goals: ['closing'],
    });
    const maria = await apiLogin(request, MARIA);
    await call(request, maria, 'post', `/api/rotation-requests/${created.id}/approve`, {});

    await signIn(page, pm.email, pm.password);
    await page.goto('/my-rotations?status=pending_host');
    await expect(page.getByRole('combobox', { name: startsWith('Status') })).toContainText('Waiting for host team');
    const card = page.locator(`[data-request-id="${created.id}"]`);
    await expect(card).toContainText('Waiting for host team');

    await card.getByRole('button', { name: /^Edit request/ }).click();
    await dialogSettled(page);
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('restart-warning')).toContainText('restarts approval');
    await dialog.getByLabel('Duration (weeks)').fill('1');
    await expect(dialog.getByTestId('restart-warning')).toContainText('approval starts again');
    await saveScreen(page, 'pm-edit-request');
    await expectAccessible(page, 'edit request dialog');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Request updated. Approval starts again with your line manager.')).toBeVisible();

    await page.goto('/my-rotations');
    await expect(card).toContainText('Waiting for line manager');
    await card.getByRole('button', { name: /^Withdraw request/ }).click();
    await expect(page.getByRole('alertdialog')).toContainText('Withdraw this request?');
    await saveScreen(page, 'pm-withdraw-confirm');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Withdraw request' }).click();
    await expect(page.getByText('Request withdrawn.')).toBeVisible();
    await expect(card).toContainText('Withdrawn');
    await expect(card.getByRole('button', { name: /^Withdraw request/ })).toHaveCount(0);
  });
});

test.describe('programme admin', () => {
  test('an admin manages users and teams, adds a blackout and sees the placements it affects', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const admin = await apiLogin(request, ADMIN.email, ADMIN.password);
    await signIn(page, ADMIN.email, ADMIN.password);

    // Users: create one with a line manager and a time zone, then find them with the filters kept in the URL.
    await page.getByRole('link', { name: 'Users' }).click();
    await expect(page).toHaveURL(/\/admin\/users/);
    await expect(page.getByTestId('users-table')).toBeVisible();
    await saveScreen(page, 'admin-users');
    await expectAccessible(page, 'admin users');

    const email = `e2e.new.${run}@stint.local`;
    await page.getByRole('button', { name: 'New user' }).click();
    await dialogSettled(page);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill(`E2E New PM ${run}`);
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Password').fill('short');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog.getByText('A PM needs a line manager: pick their manager.')).toBeVisible();
    await expect(dialog.getByText('Password must be at least 8 characters.')).toBeVisible();
    await choose(page, 'Line manager', 'Maria Schneider');
    await dialog.getByLabel('Password').fill('long-enough-password');
    await dialog.getByLabel('Time zone').fill('Europe/Lisbon');
    await saveScreen(page, 'admin-user-dialog');
    await expectAccessible(page, 'admin user dialog');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByText(`E2E New PM ${run} can now sign in`)).toBeVisible();

    await page.getByLabel('Search name or email').fill(email);
    await expect(page).toHaveURL(/[?&]q=e2e\.new\./);
    const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: email });
    await expect(row).toContainText('Maria Schneider');
    await expect(row).toContainText('Europe/Lisbon');
    await row.getByRole('button', { name: /Deactivate/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Deactivate' }).click();
    await expect(row).toContainText('Deactivated');

    // The same email again is a conflict, shown under the email field.
    await page.getByRole('button', { name: 'New user' }).click();
    await dialogSettled(page);
    await dialog.getByLabel('Name').fill('Duplicate');
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Password').fill('long-enough-password');
    await choose(page, 'Role', 'Manager', false, dialog);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog.getByText(/already exists/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Teams: create one.
    const teamName = `E2E Blackout Team ${run}`;
    await page.getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('button', { name: 'New team' }).click();
    await dialogSettled(page);
    await dialog.getByLabel('Name').fill(teamName);
    await choose(page, 'Manager', 'Sam Whitaker');
    await dialog.getByLabel('Capacity').fill('0');
    await dialog.getByLabel('Region').click();
    await expect(dialog.getByText('Capacity must be at least 1.')).toBeVisible();
    await dialog.getByLabel('Capacity').fill('2');
    await dialog.getByLabel('Region').fill('EMEA');
    await dialog.getByLabel('Segment').fill('E2E');
    await dialog.getByLabel('Time zone').fill('Europe/Berlin');
    await dialog.getByLabel('Holiday country').fill('de');
    await saveScreen(page, 'admin-team-dialog');
    await expectAccessible(page, 'admin team dialog');
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await expect(page.getByText(`${teamName} created with room for 2 PMs a day.`)).toBeVisible();
    await page.getByLabel('Search name, region or segment').fill(teamName);
    const teamRow = page.getByTestId('teams-table').getByRole('row').filter({ hasText: teamName });
    await expect(teamRow).toContainText('Sam Whitaker');
    await expect(teamRow).toContainText('Europe/Berlin · DE');
    await saveScreen(page, 'admin-teams');
    await expectAccessible(page, 'admin teams');

    // A booked placement in that team (set up through the API), so the blackout has something to affect.
    const teams = await call<{ items: Array<{ id: string; name: string }> }>(
      request,
      admin,
      'get',
      `/api/teams?q=${encodeURIComponent(teamName)}`,
    );
    const teamId = teams.items.find((t) => t.name === teamName)?.id ?? '';
    const pm = await createPm(request, admin, 'affected');
    const pmSession = await apiLogin(request, pm.email, pm.password);
    const [slot] = await call<Array<{ startDate: string; endDate: string }>>(
      request,
      pmSession,
      'get',
      `/api/slots?durationWeeks=2&earliestStart=${isoDay(7)}&latestEnd=${isoDay(200)}&teamId=${teamId}&limit=1`,
    );
    expect(slot).toBeTruthy();
    const rotation = await call<{ id: string }>(request, pmSession, 'post', '/api/rotation-requests', {
      teamId,
      startDate: slot?.startDate,
      durationWeeks: 2,
      goals: ['persistence'],
    });
    await call(request, await apiLogin(request, MARIA), 'post', `/api/rotation-requests/${rotation.id}/approve`, {});
    const booked = await call<{ status: string; placementId: string }>(
      request,
      await apiLogin(request, SAM),
      'post',
      `/api/rotation-requests/${rotation.id}/approve`,
      {},
    );
    expect(booked.status).toBe('booked');

    // Blackouts: one on that team over the placement's first days lists it, and is deleted again after a confirmation.
    const reason = `E2E stand-down ${run}`;
    await page.getByRole('link', { name: 'Blackouts' }).click();
    await choose(page, 'Applies to', teamName);
    await page.getByLabel('First day').fill(slot?.startDate ?? '');
    await page.getByLabel('Last day').fill(isoDay(-400));
    await page.getByLabel('Reason').click();
    await expect(page.getByText('The end must be on or after the start.')).toBeVisible();
    const lastDay = new Date(Date.parse(`${slot?.startDate}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Last day').fill(lastDay);
    await page.getByLabel('Reason').fill(reason);
    await page.getByRole('button', { name: 'Add blackout' }).click();
    const result = page.getByTestId('blackout-result');
    await expect(result.getByTestId('affected-count')).toContainText('1 booked placement overlaps it');
    await expect(result.getByTestId('affected-placements')).toContainText(pm.name);
    await expect(result.getByRole('link', { name: new RegExp(pm.name) })).toHaveAttribute(
      'href',
      `/placements/${booked.placementId}`,
    );
    await saveScreen(page, 'admin-blackouts');
    await expectAccessible(page, 'admin blackouts');

    await choose(page, 'Team', `${teamName} and global`);
    await expect(page).toHaveURL(new RegExp(`teamId=${teamId}`));
    const blackoutRow = page.getByTestId('blackouts-table').getByRole('row').filter({ hasText: reason });
    await blackoutRow.getByRole('button', { name: /Delete blackout/ }).click();
    await expect(page.getByRole('alertdialog')).toContainText('Delete this blackout?');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete blackout' }).click();
    await expect(page.getByText('Blackout deleted.')).toBeVisible();
    await expect(blackoutRow).toHaveCount(0);

    // Policy: the editor explains what the API would refuse; nothing is saved (other tests share the policy).
    await page.getByRole('link', { name: 'Policy' }).click();
    await expect(page.getByLabel('Minimum weeks')).not.toHaveValue('');
    await page.getByLabel('Minimum weeks').fill('10');
    await page.getByLabel('Maximum weeks').fill('4');
    await page.getByLabel('Check-in time').fill('25:00');
    await page.getByLabel('Reminder lead (hours)').fill('-1');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await expect(page.getByTestId('max-weeks-error')).toHaveText('Maximum weeks must be at least the minimum (10).');
    await expect(page.getByText('Check-in time must be a 24-hour time written HH:MM, e.g. 10:00.')).toBeVisible();
    await expect(page.getByText('Reminder lead (hours) must be a whole number of hours, 0 or more.')).toBeVisible();
    await saveScreen(page, 'admin-policy');
    await expectAccessible(page, 'admin policy');
    await page.getByRole('button', { name: 'Undo changes' }).click();
    await expect(page.getByTestId('max-weeks-error')).toHaveCount(0);

    // Email log: the booking's emails are there, filtered by kind and recipient through the URL.
    await page.goto(`/admin/emails?kind=booked&recipient=${encodeURIComponent(pm.email)}`);
    await expect(page.getByRole('combobox', { name: startsWith('Kind') })).toContainText('Booked');
    // The worker records booking emails moments after the booking, so the log is re-read until they appear.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('emails-table').getByRole('row').filter({ hasText: pm.email }).first()).toBeVisible(
        { timeout: 2_000 },
      );
    }).toPass({ timeout: 45_000 });
    await saveScreen(page, 'admin-emails');
    await expectAccessible(page, 'admin emails');

    // The queue monitor opens inside the app, with the admin's session (the API alone would answer 401).
    await page.getByTestId('queue-monitor-link').click();
    await expect(page).toHaveURL(/\/admin\/queues$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Queues' })).toBeVisible();
    await expect(page.getByTestId('worker-status')).toContainText('Up');
    await expect(page.getByTestId('worker-status')).toContainText('Last heartbeat');
    for (const queue of ['reminders', 'email', 'maintenance']) {
      await expect(page.getByTestId('queues-table').getByRole('row').filter({ hasText: queue })).toHaveCount(1);
    }
    await saveScreen(page, 'admin-queues');
    await expectAccessible(page, 'admin queues');

    // Audit trail of the placement's request: who asked, who approved.
    await page.goto(`/admin/audit?entityType=rotation_request&entityId=${rotation.id}`);
    const audit = page.getByTestId('audit-table');
    await expect(audit).toContainText(pm.name);
    await expect(audit).toContainText('Sam Whitaker');
    await saveScreen(page, 'admin-audit');
    await expectAccessible(page, 'admin audit');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/admin/teams');
    await expect(page.getByTestId('teams-table')).toBeVisible();
    await expect(page.locator('mat-sidenav')).toBeHidden();
    await saveScreen(page, 'admin-teams-phone');
  });

  test('a PM cannot reach admin screens, and the API refuses them too', async ({ page, request }) => {
    await signIn(page, 'pm05@stint.local');
    await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
    for (const screen of ['users', 'teams', 'blackouts', 'policy', 'emails', 'audit']) {
      await page.goto(`/admin/${screen}`);
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole('heading', { name: /Welcome, / })).toBeVisible();
    }

    const pm = await apiLogin(request, 'pm05@stint.local');
    const headers = { Authorization: `Bearer ${pm.accessToken}` };
    expect((await request.get('/api/audit', { headers })).status()).toBe(403);
    expect((await request.get('/api/notifications', { headers })).status()).toBe(403);
    expect((await request.get('/api/admin/queues', { headers })).status()).toBe(403);
    expect((await request.put('/api/policy', { headers, data: { maxWeeks: 52 } })).status()).toBe(403);
    expect(
      (
        await request.post('/api/teams', {
          headers,
          data: { name: `Sneaky ${run}`, managerId: pm.user.id, capacity: 1 },
        })
      ).status(),
    ).toBe(403);
    expect(
      (
        await request.post('/api/blackouts', {
          headers,
          data: { teamId: null, startsOn: isoDay(10), endsOn: isoDay(11), reason: 'no' },
        })
      ).status(),
    ).toBe(403);
    const body = (await (await request.get('/api/audit', { headers })).json()) as { code: string };
    expect(body.code).toBe('FORBIDDEN');
  });
});
