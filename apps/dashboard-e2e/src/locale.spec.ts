import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiLogin, call, run, userId } from './support/admin-api';
import { ADMIN } from './support/screens';

/*
 * One time rule everywhere: dates follow the viewer's profile locale (not the
 * browser's), instants the viewer's profile zone with the zone named, and a
 * manager sees a check-in on the PM's own clock too when theirs differs.
 * Lee manages from New York (profile en-US) a PM in Berlin and hosts the team.
 */

const LEE = { email: `e2e.lee.${run}@stint.local`, password: 'e2e-password', name: `E2E Lee ${run}` };
const PM = { email: `e2e.locale-pm.${run}@stint.local`, password: 'e2e-password', name: `E2E Ana ${run}` };

interface Booked {
  placementId: string;
  startDate: string;
  checkInId: string;
}

/** The day in words the way a locale writes it, e.g. `Jan 18` (en-US) or `18 Jan` (en-GB). */
function dayMonth(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/** The date as a date field shows it: `01/18/2027` (en-US), `18/01/2027` (en-GB). */
function fieldDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

async function setLocale(request: APIRequestContext, locale: string | null): Promise<void> {
  const lee = await apiLogin(request, LEE.email, LEE.password);
  await call(request, lee, 'patch', '/api/me', { locale });
}

/** Lee (New York) is the line manager of a PM in Berlin whose rotation in Lee's own team is booked. */
async function bookForLee(request: APIRequestContext): Promise<Booked> {
  const admin = await apiLogin(request, ADMIN.email, ADMIN.password);
  const lee = await call<{ id: string }>(request, admin, 'post', '/api/users', {
    ...LEE,
    role: 'manager',
    timezone: 'America/New_York',
  });
  await call(request, admin, 'post', '/api/users', {
    ...PM,
    role: 'pm',
    managerId: lee.id,
    timezone: 'Europe/Berlin',
  });
  // Lee hosts the team too, so the placement is theirs to reschedule.
  const team = await call<{ id: string }>(request, admin, 'post', '/api/teams', {
    name: `E2E locale ${run}`,
    managerId: lee.id,
    capacity: 3,
    region: 'Test',
    segment: 'E2E',
    timezone: 'UTC',
  });
  const pm = await apiLogin(request, PM.email, PM.password);
  const earliest = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const query = new URLSearchParams({ durationWeeks: '2', earliestStart: earliest, limit: '1', teamId: team.id });
  query.set('latestEnd', new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10));
  const [slot] = await call<Array<{ startDate: string }>>(request, pm, 'get', `/api/slots?${query.toString()}`);
  expect(slot, 'a free slot in the new team').toBeTruthy();
  const startDate = (slot as { startDate: string }).startDate;
  const created = await call<{ id: string }>(request, pm, 'post', '/api/rotation-requests', {
    teamId: team.id,
    startDate,
    durationWeeks: 2,
    goals: ['negotiation'],
    motivation: 'E2E locale: hear the customer.',
  });
  const approver = await apiLogin(request, LEE.email, LEE.password);
  // Released as line manager, then agreed as host.
  for (const step of ['manager', 'host'])
    await call(request, approver, 'post', `/api/rotation-requests/${created.id}/approve`, { step });
  const booked = await call<{ placementId: string }>(request, pm, 'get', `/api/rotation-requests/${created.id}`);
  const placement = await call<{ checkIns: Array<{ id: string }> }>(
    request,
    pm,
    'get',
    `/api/placements/${booked.placementId}`,
  );
  return { placementId: booked.placementId, startDate, checkInId: String(placement.checkIns[0]?.id) };
}

async function signInAsLee(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(LEE.email);
  await page.getByLabel('Password').fill(LEE.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Welcome, / })).toBeVisible();
}

let booked: Booked;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  booked = await bookForLee(request);
  // Sanity: the admin lookups see Lee, so the set-up went through.
  await userId(request, await apiLogin(request, ADMIN.email, ADMIN.password), LEE.email);
});

test.describe('profile en-US in an en-GB browser', () => {
  test.use({ locale: 'en-GB' });

  test('shows American dates, New York times named EST/EDT, an American date field, and the PM’s Berlin time', async ({
    page,
    request,
  }) => {
    await setLocale(request, 'en-US');
    await signInAsLee(page);
    await page.goto(`/placements/${booked.placementId}`);

    await expect(page.getByTestId('placement-dates')).toContainText(dayMonth(booked.startDate, 'en-US'));
    await expect(page.getByTestId('placement-dates')).not.toContainText(dayMonth(booked.startDate, 'en-GB'));
    const firstCheckIn = page.getByRole('row').nth(1);
    await expect(firstCheckIn).toContainText(/\d{1,2}:\d{2} (AM|PM) E[SD]T/);
    await expect(page.getByTestId('pm-local-time').first()).toContainText(
      /\d{1,2}:\d{2} (AM|PM) in Berlin for E2E Ana/,
    );

    await page.getByRole('button', { name: 'Reschedule…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('New start date')).toHaveValue(fieldDate(booked.startDate, 'en-US'));
    await dialog.getByRole('button', { name: 'Keep the dates' }).click();

    // The check-in itself, as the line manager opens it: their time, and the PM's own beside it.
    await page.goto(`/check-ins/${booked.checkInId}`);
    await expect(page.getByTestId('pm-local-time')).toContainText(/in Berlin for E2E/);
  });
});

test.describe('profile en-GB in an en-US browser', () => {
  test.use({ locale: 'en-US' });

  test('shows British dates and a British date field, whatever the browser says', async ({ page, request }) => {
    await setLocale(request, 'en-GB');
    await signInAsLee(page);
    await page.goto(`/placements/${booked.placementId}`);

    await expect(page.getByTestId('placement-dates')).toContainText(dayMonth(booked.startDate, 'en-GB'));
    await expect(page.getByTestId('placement-dates')).not.toContainText(dayMonth(booked.startDate, 'en-US'));
    await expect(page.getByRole('row').nth(1)).toContainText(/, \d{2}:\d{2} E[SD]T/);

    await page.getByRole('button', { name: 'Reschedule…' }).click();
    await expect(page.getByRole('dialog').getByLabel('New start date')).toHaveValue(
      fieldDate(booked.startDate, 'en-GB'),
    );
  });

  test('follows the browser when the profile names no locale', async ({ page, request }) => {
    await setLocale(request, null);
    await signInAsLee(page);
    await page.goto(`/placements/${booked.placementId}`);
    await expect(page.getByTestId('placement-dates')).toContainText(dayMonth(booked.startDate, 'en-US'));
  });
});
