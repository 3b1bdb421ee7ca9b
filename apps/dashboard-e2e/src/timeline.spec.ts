import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiLogin, call, createPm, isoDay, run, type Session } from './support/admin-api';
import { MARIA, signIn } from './support/demo';
import { addDays, weekStart } from './support/manager-api';
import { screen } from './support/manager-screens';
import { ADMIN, dialogSettled } from './support/screens';

/*
 * The timeline (issue 13): blackouts as hatched bands across the rows of the teams they apply to, pending
 * requests as outlined ghost bars, full names on hover and focus, and a booked bar moved with the keyboard
 * and confirmed. Maria hosts a team of this run's own, with a booked placement, a pending request and a
 * team blackout created through the API, so nothing else in the shared database gets in the way.
 */

interface Blackout {
  id: string;
  teamId: string | null;
  startsOn: string;
  endsOn: string;
  reason: string;
}

interface Setup {
  team: { id: string; name: string };
  pmA: { name: string };
  pmB: { name: string };
  /** PM A's booked placement: two weeks from `start`, a Monday. */
  placementId: string;
  start: string;
  /** PM B's request, waiting for Maria as line manager. */
  requestId: string;
  blackout: Blackout;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How the page writes a calendar day (`Mon 18 Jan 2027`), allowing for the month's spelling in the browser's ICU. */
function inWords(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const weekday = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).toLocaleDateString('en-GB', {
    weekday: 'short',
    timeZone: 'UTC',
  });
  return `${weekday} ${day} \\p{L}+ ${year}`;
}

/** `Mon 18 Jan 2027 – Sun 31 Jan 2027`, as a pattern. */
function rangeInWords(start: string, end: string): string {
  return `${inWords(start)} – ${inWords(end)}`;
}

async function ask(request: APIRequestContext, pm: Session, teamId: string, startDate: string): Promise<string> {
  const created = await call<{ id: string }>(request, pm, 'post', '/api/rotation-requests', {
    teamId,
    startDate,
    durationWeeks: 2,
    goals: ['See how a host team plans its weeks'],
    motivation: 'E2E timeline: I want to sit in on pipeline reviews.',
  });
  return created.id;
}

async function setUp(request: APIRequestContext): Promise<Setup> {
  const admin = await apiLogin(request, ADMIN.email, ADMIN.password);
  const maria = await apiLogin(request, MARIA);
  const teamName = `E2E Timeline ${run}`;
  const team = await call<{ id: string }>(request, admin, 'post', '/api/teams', {
    name: teamName,
    managerId: maria.user.id,
    capacity: 2,
    region: 'Test',
    segment: 'E2E',
    timezone: 'UTC',
  });
  const a = await createPm(request, admin, 'timeline-a');
  const b = await createPm(request, admin, 'timeline-b');

  // A Monday four weeks out or later, with six clear weeks (the booking, its move, the pending request) before any
  // global blackout.
  const existing = await call<{ items: Blackout[] }>(
    request,
    admin,
    'get',
    `/api/blackouts?teamId=${team.id}&pageSize=200`,
  );
  let start = weekStart(isoDay(28));
  const clash = (from: string) =>
    existing.items.some((x) => x.startsOn <= addDays(from, 6 * 7 - 1) && x.endsOn >= from);
  while (clash(start)) start = addDays(start, 7);

  const pmA = await apiLogin(request, a.email, a.password);
  const pmB = await apiLogin(request, b.email, b.password);
  // PM A's request: Maria releases it as line manager and agrees as host, which books it.
  const requestA = await ask(request, pmA, team.id, start);
  await call(request, maria, 'post', `/api/rotation-requests/${requestA}/approve`, { step: 'manager' });
  const booked = await call<{ status: string; placementId: string | null }>(
    request,
    maria,
    'post',
    `/api/rotation-requests/${requestA}/approve`,
    { step: 'host' },
  );
  expect(booked.status).toBe('booked');
  // PM B asks for the two weeks after PM A's move; it waits for Maria's release.
  const requestId = await ask(request, pmB, team.id, addDays(start, 21));
  // The team's own blackout after both.
  const blackout = await call<Blackout>(request, admin, 'post', '/api/blackouts', {
    teamId: team.id,
    startsOn: addDays(start, 35),
    endsOn: addDays(start, 37),
    reason: `E2E stocktake ${run}`,
  });
  return {
    team: { id: team.id, name: teamName },
    pmA: { name: a.name },
    pmB: { name: b.name },
    placementId: booked.placementId ?? '',
    start,
    requestId,
    blackout,
  };
}

/**
 * At least `count` more placements in a team of this run's own: PMs of their own, each booked into back-to-back
 * 2-week slots from four weeks out (a start a global blackout or a holiday refuses is skipped).
 */
async function bookMany(request: APIRequestContext, admin: Session, count: number): Promise<void> {
  const maria = await apiLogin(request, MARIA);
  const team = await call<{ id: string }>(request, admin, 'post', '/api/teams', {
    name: `E2E Timeline load ${run}`,
    managerId: maria.user.id,
    capacity: 20,
    region: 'Test',
    segment: 'E2E',
    timezone: 'UTC',
  });
  const pms = 16;
  const slots = Math.ceil(count / pms) + 1;
  let booked = 0;
  await Promise.all(
    Array.from({ length: pms }, async (_, i) => {
      const pm = await createPm(request, admin, `timeline-load-${i}`);
      const session = await apiLogin(request, pm.email, pm.password);
      for (let k = 0; k < slots; k++) {
        const created = await request.post('/api/rotation-requests', {
          headers: { Authorization: `Bearer ${session.accessToken}` },
          data: {
            teamId: team.id,
            startDate: addDays(weekStart(isoDay(28)), 14 * k),
            durationWeeks: 2,
            goals: ['See how a host team plans its weeks'],
            motivation: 'E2E timeline: a year with many placements.',
          },
        });
        if (created.status() !== 201) continue;
        const { id } = (await created.json()) as { id: string };
        await call(request, maria, 'post', `/api/rotation-requests/${id}/approve`, { step: 'manager' });
        await call(request, maria, 'post', `/api/rotation-requests/${id}/approve`, { step: 'host' });
        booked++;
      }
    }),
  );
  expect(booked).toBeGreaterThanOrEqual(count);
}

test.describe('timeline', () => {
  test('shows blackouts and pending requests, names every bar, and moves a booked bar a week with the keyboard', async ({
    page,
    request,
  }) => {
    const s = await setUp(request);
    const maria = await apiLogin(request, MARIA);

    await signIn(page, MARIA);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Timeline' }).click();
    await expect(page.getByRole('heading', { name: 'Placements timeline', level: 1 })).toBeVisible();
    // Half a year from two weeks back: the demo seed's quarter-end close (a global blackout) falls in it, as does
    // this run's pending request.
    await page.goto('/timeline?weeks=26&pageSize=20');
    const bands = page.locator('.band');
    await expect(bands.first()).toBeVisible();
    expect(await bands.count()).toBeGreaterThanOrEqual(1);
    await expect(bands.first()).toHaveAttribute('aria-label', /^Blackout: .+, \p{L}{3} \d{1,2} \p{L}+ \d{4}/u);
    await expect(bands.first()).toHaveCSS('background-image', /repeating-linear-gradient/);
    await expect(page.locator('a.bar.ghost').first()).toBeVisible();
    await screen(page, 'timeline');

    // This run's team over eight weeks from the booking's Monday.
    await page.goto(`/timeline?from=${s.start}&weeks=8&team=${s.team.id}`);
    const group = page.getByRole('region', { name: s.team.name, exact: true });
    await expect(group).toBeVisible();

    // The team's blackout, hatched across its rows, says what and when in words.
    const stocktake = group.getByRole('img', {
      name: new RegExp(
        `^Blackout: E2E stocktake ${escape(run)}, ${rangeInWords(addDays(s.start, 35), addDays(s.start, 37))}$`,
        'u',
      ),
    });
    await expect(stocktake).toBeVisible();
    await expect(stocktake).toHaveCSS('background-image', /repeating-linear-gradient/);

    // PM B's request is an outlined ghost bar, not a booked one.
    const ghost = page.getByTestId(`ghost-${s.requestId}`);
    await expect(ghost).toHaveAttribute(
      'aria-label',
      new RegExp(
        `^Pending: ${escape(s.pmB.name)}, ${escape(s.team.name)}, ${rangeInWords(
          addDays(s.start, 21),
          addDays(s.start, 34),
        )}, waiting for the line manager$`,
        'u',
      ),
    );
    await expect(ghost).toHaveCSS('border-top-style', 'dashed');

    // The booked bar carries the PM's full name, the team and the dates in words, on hover too.
    const bar = page.getByTestId(`bar-${s.placementId}`);
    const label = new RegExp(
      `^${escape(s.pmA.name)}, ${escape(s.team.name)}, ${rangeInWords(s.start, addDays(s.start, 13))}, scheduled$`,
      'u',
    );
    await expect(bar).toHaveAttribute('aria-label', label);
    await bar.hover();
    await expect(page.locator('.mat-mdc-tooltip')).toContainText(s.pmA.name);

    // A week later with the keyboard: the bar shows its new dates before anything is sent.
    await bar.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect(page.getByTestId('proposed-dates')).toHaveText(
      new RegExp(`^${rangeInWords(addDays(s.start, 7), addDays(s.start, 20))}$`, 'u'),
    );
    await page.keyboard.press('Enter');
    await dialogSettled(page);
    const dialog = page.getByRole('dialog', { name: 'Reschedule placement?' });
    await expect(dialog).toContainText(`${s.pmA.name} in ${s.team.name}`);
    await expect(dialog).toContainText('1 week later');
    await dialog.getByRole('button', { name: 'Reschedule', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('move-result')).toContainText(`Rescheduled ${s.pmA.name} to `);
    await expect(bar).toHaveAttribute(
      'aria-label',
      new RegExp(
        `^${escape(s.pmA.name)}, .*${rangeInWords(addDays(s.start, 7), addDays(s.start, 20))}, scheduled$`,
        'u',
      ),
    );

    // The API agrees: the start moved by seven days.
    const moved = await call<{ startDate: string; endDate: string }>(
      request,
      maria,
      'get',
      `/api/placements/${s.placementId}`,
    );
    expect(moved.startDate).toBe(addDays(s.start, 7));
    expect(moved.endDate).toBe(addDays(s.start, 20));
  });

  test('loads the window on screen in one request, however many placements it holds', async ({ page, request }) => {
    test.setTimeout(120_000);
    const admin = await apiLogin(request, ADMIN.email, ADMIN.password);
    await bookMany(request, admin, 60);
    const asked: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) asked.push(url.pathname);
    });
    await signIn(page, ADMIN.email, ADMIN.password);

    // A month and half a year, which now holds more placements than one list page (50): the timeline used to read
    // those page by page.
    for (const weeks of [4, 26]) {
      asked.length = 0;
      const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/timeline');
      await page.goto(`/timeline?weeks=${weeks}`);
      const body = (await (await loaded).json()) as { placements: unknown[]; from: string; to: string };
      await expect(page.locator('a.bar').first()).toBeVisible();
      const inWindow = await call<{ total: number }>(
        request,
        admin,
        'get',
        `/api/placements?from=${body.from}&to=${body.to}&pageSize=1`,
      );
      expect(body.placements.length).toBe(inWindow.total);
      if (weeks === 26) expect(inWindow.total).toBeGreaterThan(50);
      const data = asked.filter((path) => /^\/api\/(timeline|placements|rotation-requests|blackouts)\b/.test(path));
      expect({ weeks, data }).toEqual({ weeks, data: ['/api/timeline'] });
    }
  });
});
