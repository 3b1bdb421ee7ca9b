import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { dialogSettled, saveScreen } from './support/screens';

/*
 * The manager dashboard end to end, on the demo seed but independent of its
 * details: every request used here is created through the API first, on a
 * team and dates the API itself says are free.
 */

const PASSWORD = 'demo1234';
const MARIA = 'maria.manager@stint.local';
const SAM = 'sam.manager@stint.local';

interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: string;
  managerId: string | null;
}

interface Api {
  token: string;
  user: SessionUser;
}

interface Team {
  id: string;
  name: string;
  managerId: string;
  capacity: number;
  active: boolean;
}

interface Slot {
  teamId: string;
  teamName: string;
  startDate: string;
  endDate: string;
}

// ---------------------------------------------------------------- helpers

const DAY = 86_400_000;
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
function weekStart(date: string): string {
  const dow = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -dow);
}
const today = () => new Date().toISOString().slice(0, 10);

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(what);
  return value;
}

async function apiLogin(request: APIRequestContext, email: string, password = PASSWORD): Promise<Api> {
  const response = await request.post('/api/auth/login', { data: { email, password } });
  expect(response.status(), `login ${email}`).toBe(200);
  const body = (await response.json()) as { accessToken: string; user: SessionUser };
  return { token: body.accessToken, user: body.user };
}

async function apiGet<T>(request: APIRequestContext, api: Api, url: string): Promise<T> {
  const response = await request.get(url, { headers: { Authorization: `Bearer ${api.token}` } });
  expect(response.status(), `GET ${url}`).toBe(200);
  return (await response.json()) as T;
}

interface Scenario {
  pm: Api;
  team: Team;
  requestId: string;
  slot: Slot;
}

/** A PM released by Maria asks for a team hosted by Sam, on dates the API says are free. */
async function createRequest(request: APIRequestContext, label: string, earliestOffsetDays: number): Promise<Scenario> {
  const maria = await apiLogin(request, MARIA);
  const sam = await apiLogin(request, SAM);
  let pm: Api | null = null;
  for (let i = 1; i <= 20 && !pm; i++) {
    const candidate = await apiLogin(request, `pm${String(i).padStart(2, '0')}@stint.local`);
    if (candidate.user.managerId === maria.user.id) pm = candidate;
  }
  if (!pm) throw new Error('No PM reports to Maria in the demo seed.');
  const teams = await apiGet<{ items: Team[] }>(request, pm, '/api/teams?pageSize=200');
  const hosted = teams.items.filter((t) => t.managerId === sam.user.id && t.active);
  expect(hosted.length, 'Sam hosts a team').toBeGreaterThan(0);
  const earliest = addDays(today(), earliestOffsetDays);
  const query = new URLSearchParams({
    durationWeeks: '2',
    earliestStart: earliest,
    latestEnd: addDays(earliest, 600),
    limit: '1',
  });
  for (const t of hosted) query.append('teamId', t.id);
  const slots = await apiGet<Slot[]>(request, pm, `/api/slots?${query.toString()}`);
  const slot = slots[0];
  if (!slot) throw new Error('The API found no free slot for the PM in any of Sam’s teams.');
  const team = hosted.find((t) => t.id === slot.teamId) as Team;
  const created = await request.post('/api/rotation-requests', {
    headers: { Authorization: `Bearer ${pm.token}` },
    data: {
      teamId: slot.teamId,
      startDate: slot.startDate,
      durationWeeks: 2,
      goals: [`Hear objections first-hand (${label})`],
      motivation: `E2E ${label}: I want to sit in on renewal calls.`,
    },
  });
  expect(created.status(), 'request created').toBe(201);
  const body = (await created.json()) as { id: string };
  return { pm, team, requestId: body.id, slot };
}

/** Both approvals through the API (line manager, then host), for tests that need a booked placement. */
async function bookThroughApi(request: APIRequestContext, scenario: Scenario): Promise<string> {
  for (const email of [MARIA, SAM]) {
    const approver = await apiLogin(request, email);
    const response = await request.post(`/api/rotation-requests/${scenario.requestId}/approve`, {
      headers: { Authorization: `Bearer ${approver.token}` },
      data: {},
    });
    expect(response.status(), `approval by ${email}`).toBe(200);
  }
  const booked = await apiGet<{ status: string; placementId: string | null }>(
    request,
    scenario.pm,
    `/api/rotation-requests/${scenario.requestId}`,
  );
  expect(booked.status).toBe('booked');
  return must(booked.placementId, 'The booked request has no placement.');
}

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Welcome, / })).toBeVisible();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** An axe-core scan of what is on screen (dialogs included): no serious or critical violations. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Let fades (dialogs, error messages) finish: half-faded text is not what a user reads.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  // Material's snack bar keeps its live region aria-hidden for a moment while it announces; scan once it has settled.
  await expect(page.locator('.mat-mdc-snack-bar-container [aria-hidden="true"]')).toHaveCount(0, { timeout: 5_000 });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(' | ')}`,
    );
  expect(serious, `axe on ${screen}`).toEqual([]);
}

async function screen(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await saveScreen(page, name);
}

async function cellBooked(page: Page, teamId: string, week: string): Promise<number> {
  await page.goto(`/capacity?from=${week}&weeks=4`);
  const cell = page.getByTestId(`cell-${teamId}-${week}`);
  await expect(cell).toBeVisible();
  const text = (await cell.textContent())?.trim() ?? '';
  const match = /^(\d+)\/(\d+)/.exec(text);
  expect(match, `cell text "${text}"`).not.toBeNull();
  return Number(match?.[1]);
}

// ------------------------------------------------------------------ tests

test.describe('manager dashboard', () => {
  test('a request is approved by both managers, found on the timeline, rescheduled, and the heat map follows', async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000);
    const { pm, team, requestId, slot } = await createRequest(request, `approve ${Date.now()}`, 200);

    // --- Maria, the PM's line manager, releases them.
    await signIn(page, MARIA);
    await page.getByRole('link', { name: 'Approvals' }).click();
    await expect(page).toHaveURL(/\/approvals$/);
    const row = page.getByTestId(`request-${requestId}`);
    await expect(row).toHaveText(pm.user.name);
    await screen(page, 'manager-approvals');

    await row.click();
    await expect(page).toHaveURL(new RegExp(`/approvals/${requestId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${pm.user.name} → ${team.name}`);
    await expect(page.getByTestId('rule-check')).toContainText('Capacity is free on every day');
    await expect(page.getByTestId('rule-check')).toContainText('No overlapping rotations');
    await expect(page.getByText(/Hear objections first-hand/)).toBeVisible();
    await screen(page, 'manager-approval-detail');

    await page.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByTestId('decision-result')).toContainText('is released');
    await expect(page.getByTestId('request-status')).toHaveText('Waiting for host team');
    await signOut(page);

    // --- Sam, the host team's manager, agrees, which books it. The deep link is what the email points to.
    await signIn(page, SAM);
    await page.goto('/approvals');
    await expect(page.getByTestId(`request-${requestId}`)).toBeVisible();
    await page.goto(`/approvals/${requestId}`);
    await expect(page.getByTestId('request-status')).toHaveText('Waiting for host team');
    await expect(page.getByTestId('rule-check')).toContainText('Capacity is free on every day');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByTestId('decision-result')).toContainText('Approved and booked');
    await expect(page.getByTestId('request-status')).toHaveText('Booked');

    const booked = await apiGet<{ placementId: string }>(request, pm, `/api/rotation-requests/${requestId}`);
    const placementId = booked.placementId;
    expect(placementId).toBeTruthy();

    // --- The timeline shows it in the team's row group; the bar opens the placement.
    await page.getByRole('link', { name: 'Timeline' }).click();
    await page.getByLabel('From week of').fill(weekStart(slot.startDate));
    await page.getByLabel('From week of').dispatchEvent('change');
    await expect(page).toHaveURL(new RegExp(`from=${weekStart(slot.startDate)}`));
    const bar = page.getByTestId(`bar-${placementId}`);
    await expect(bar).toBeVisible();
    await expect(page.getByTestId(`timeline-team-${team.id}`)).toContainText(`Capacity ${team.capacity}`);
    await expect(bar).toHaveAttribute('aria-label', /scheduled/);
    await screen(page, 'manager-timeline');

    // The heat map before the move: the booked week and a week after it.
    const oldWeek = weekStart(slot.startDate);
    const oldBefore = await cellBooked(page, team.id, oldWeek);
    expect(oldBefore).toBeGreaterThanOrEqual(1);

    // A free slot for the PM in the same team, well after the current dates.
    const later = new URLSearchParams({
      durationWeeks: '2',
      earliestStart: addDays(slot.endDate, 15),
      latestEnd: addDays(slot.endDate, 500),
      teamId: team.id,
      limit: '1',
    });
    const target = must(
      (await apiGet<Slot[]>(request, pm, `/api/slots?${later.toString()}`))[0],
      'No later slot to move the placement to.',
    );
    const newWeek = weekStart(target.startDate);
    const newBefore = await cellBooked(page, team.id, newWeek);

    // --- Reschedule from the placement page.
    await page.goto(`/timeline?from=${oldWeek}&team=${team.id}`);
    await page.getByTestId(`bar-${placementId}`).click();
    await expect(page).toHaveURL(new RegExp(`/placements/${placementId}$`));
    await expect(page.getByTestId('placement-status')).toHaveText('Scheduled');
    await expect(page.getByRole('heading', { name: 'Check-ins' })).toBeVisible();
    await screen(page, 'manager-placement');

    await page.getByRole('button', { name: 'Reschedule…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reschedule placement' });
    await expect(dialog).toBeVisible();
    await dialogSettled(page);
    await dialog.getByLabel('New start date').fill(target.startDate);
    await expect(dialog).toContainText('It would run until');
    await screen(page, 'manager-reschedule-dialog');
    await dialog.getByRole('button', { name: 'Reschedule' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Rescheduled to' })).toBeVisible();
    await expect(page.getByTestId('placement-dates')).toContainText(target.startDate.slice(0, 4));

    // --- The heat map changed: one less in the old week, one more in the new.
    expect(await cellBooked(page, team.id, oldWeek)).toBe(oldBefore - 1);
    expect(await cellBooked(page, team.id, newWeek)).toBe(newBefore + 1);
    await page.getByTestId(`cell-${team.id}-${newWeek}`).click();
    await expect(page).toHaveURL(new RegExp(`team=${team.id}&week=${newWeek}`));
    await expect(page.getByTestId('cell-panel').locator(`a[href="/placements/${placementId}"]`)).toBeVisible();
    await screen(page, 'manager-capacity');

    // --- Check-in tracker: the moved placement's kick-off, with feedback from the host.
    await page.getByRole('link', { name: 'Check-ins' }).click();
    await expect(page.getByRole('heading', { name: 'Check-ins', level: 1 })).toBeVisible();
    await expect(page.getByTestId('figure-rate')).not.toHaveText('…');
    await screen(page, 'manager-check-ins');

    const placement = await apiGet<{ checkIns: Array<{ id: string; kind: string; scheduledAt: string }> }>(
      request,
      pm,
      `/api/placements/${placementId}`,
    );
    const kickoff = must(
      placement.checkIns.find((c) => c.kind === 'kickoff'),
      'The placement has no kick-off check-in.',
    );
    const day = kickoff.scheduledAt.slice(0, 10);
    await page.goto(`/check-ins?view=all&from=${day}&to=${day}`);
    const checkInRow = page.getByTestId(`check-in-${kickoff.id}`);
    await expect(checkInRow).toBeVisible();
    await checkInRow.getByRole('button', { name: /Add feedback/ }).click();
    const feedback = page.getByRole('dialog', { name: 'Add feedback' });
    await dialogSettled(page);
    await feedback.getByRole('button', { name: 'Save feedback' }).click();
    await expect(feedback.getByText('Write some feedback first.')).toBeVisible();
    await feedback.getByLabel('Feedback').fill('Welcome aboard: shadow Jordan on the first two renewal calls.');
    await screen(page, 'manager-feedback-dialog');
    await feedback.getByRole('button', { name: 'Save feedback' }).click();
    await expect(feedback).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Feedback saved' })).toBeVisible();
    await expect(checkInRow).toContainText('1');

    // --- Insights: charts drawn, CSV exported with the bearer token.
    await page.getByRole('link', { name: 'Insights' }).click();
    await expect(page.getByRole('heading', { name: 'Rotation lengths' })).toBeVisible();
    await expect(page.locator('canvas').first()).toBeVisible();
    await screen(page, 'manager-insights');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^stint-placements.*\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toContain('id,requestId,pmId');
    expect(csv).toContain(placementId);
  });

  test('rejecting needs a comment, and the PM reads their placement without manager actions', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const { pm, requestId } = await createRequest(request, `reject ${Date.now()}`, 420);

    await signIn(page, MARIA);
    await page.goto(`/approvals/${requestId}`);
    await page.getByRole('button', { name: 'Reject…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject request' });
    await dialogSettled(page);
    await dialog.getByRole('button', { name: 'Reject request' }).click();
    await expect(dialog.getByText('A comment is required to reject.')).toBeVisible();
    await screen(page, 'manager-reject-dialog');
    await dialog.getByLabel('Comment').fill('The Q3 launch needs you here; let us plan this for after it.');
    await dialog.getByRole('button', { name: 'Reject request' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('decision-result')).toContainText('Rejected');
    await expect(page.getByTestId('request-status')).toHaveText('Rejected');
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);

    // History: the filter lives in the URL.
    await page.goto('/approvals?show=all&status=rejected');
    await expect(page.getByTestId(`request-${requestId}`)).toBeVisible();
    await signOut(page);

    // A PM may open a placement of theirs (booked here through the API) but gets no manager screens or actions.
    const placementId = await bookThroughApi(request, await createRequest(request, `pm view ${Date.now()}`, 420));
    await signIn(page, pm.user.email);
    await page.goto('/approvals');
    await expect(page).toHaveURL(/\/$/);
    await page.goto(`/placements/${placementId}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(pm.user.name);
    await expect(page.getByTestId('placement-status')).toHaveText('Scheduled');
    await expect(page.getByRole('heading', { name: 'Check-ins' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reschedule…' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Add feedback/ })).toHaveCount(0);
    await expectAccessible(page, 'placement as PM');
  });

  test('the screens stay usable at phone width', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, SAM);
    for (const [path, name] of [
      ['/approvals', 'manager-approvals-phone'],
      ['/timeline', 'manager-timeline-phone'],
      ['/capacity', 'manager-capacity-phone'],
      ['/check-ins', 'manager-check-ins-phone'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('progressbar')).toHaveCount(0);
      // Nothing wider than the screen but the scrollable frames that are meant to scroll.
      const overflow = await page.evaluate(() => {
        const main = document.querySelector('main');
        return main ? main.scrollWidth - main.clientWidth : 0;
      });
      expect(overflow, `${path} fits the width`).toBeLessThanOrEqual(1);
      await screen(page, name);
    }
  });
});
