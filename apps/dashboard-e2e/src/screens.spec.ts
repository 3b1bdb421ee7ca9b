import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, MARIA, signIn } from './support/demo';
import { expectAccessible } from './support/manager-screens';
import { ADMIN, saveScreen } from './support/screens';

/*
 * Issue 13: every screen of each role's navigation passes axe (no serious or critical violation) and is
 * photographed at desktop and phone width. On a phone, tables become one card per row that keeps the columns a
 * user acts on, and every tab of a tab bar can be reached.
 */

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

interface Screen {
  name: string;
  path: string;
  /** Something that is on screen once its content has loaded. */
  ready: (page: Page) => ReturnType<Page['getByRole']>;
}

const heading = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { name, level: 1 });

const PM_SCREENS: Screen[] = [
  { name: 'home', path: '/', ready: heading(/Welcome, /) },
  { name: 'plan', path: '/plan', ready: heading(/Plan a rotation/) },
  { name: 'my-rotations', path: '/my-rotations', ready: heading(/My rotations/) },
];
const MANAGER_SCREENS: Screen[] = [
  { name: 'home', path: '/', ready: heading(/Welcome, /) },
  { name: 'plan', path: '/plan', ready: heading(/Plan a rotation/) },
  { name: 'approvals', path: '/approvals?show=all', ready: heading('Approvals') },
  { name: 'waitlist', path: '/waitlist', ready: heading(/Waitlist/) },
  { name: 'timeline', path: '/timeline', ready: heading('Placements timeline') },
  { name: 'capacity', path: '/capacity', ready: heading(/Capacity/) },
  { name: 'check-ins', path: '/check-ins?view=all', ready: heading('Check-ins') },
  { name: 'insights', path: '/insights', ready: heading(/Insights/) },
];
const ADMIN_SCREENS: Screen[] = [
  // The manager's screens are the admin's too (with every team); they are checked once, as the manager's.
  { name: 'home', path: '/', ready: heading(/Welcome, /) },
  { name: 'users', path: '/admin/users', ready: heading(/Users/) },
  { name: 'teams', path: '/admin/teams', ready: heading('Sales teams') },
  { name: 'import', path: '/admin/import', ready: heading(/Import/) },
  { name: 'blackouts', path: '/admin/blackouts', ready: heading(/Blackouts/) },
  { name: 'policy', path: '/admin/policy', ready: heading('Programme policy') },
  { name: 'emails', path: '/admin/emails', ready: heading('Email log') },
  { name: 'queues', path: '/admin/queues', ready: heading(/Queues/) },
  { name: 'audit', path: '/admin/audit', ready: heading(/Audit/) },
];

/** Opens a screen, waits for its content (no loading bar), checks it with axe and saves a full-page screenshot. */
async function visit(page: Page, role: string, screen: Screen, width: 'desktop' | 'phone'): Promise<void> {
  await page.goto(screen.path);
  await expect(screen.ready(page)).toBeVisible();
  await expect(page.locator('mat-progress-bar[mode="indeterminate"]')).toHaveCount(0);
  await expectAccessible(page, `${role} ${screen.name} at ${width} width`);
  const name = `${role}-${screen.name}-${width}`;
  await saveScreen(page, name);
  await test.info().attach(name, { path: `test-output/playwright/screens/${name}.png`, contentType: 'image/png' });
}

const WIDTHS = { desktop: DESKTOP, phone: PHONE } as const;

/** One test per screen and width, each signed in afresh, so one slow screen cannot starve the others of time. */
function screensOf(role: string, screens: Screen[], signInAs: (page: Page) => Promise<void>): void {
  for (const width of ['desktop', 'phone'] as const) {
    for (const screen of screens) {
      test(`a ${role}’s ${screen.name} at ${width} width`, async ({ page }) => {
        await page.setViewportSize(WIDTHS[width]);
        await signInAs(page);
        await visit(page, role, screen, width);
      });
    }
  }
}

/** The labelled value of a card cell, e.g. `Check-in` → `Mid-rotation`, as a phone shows it. */
function cardCell(page: Page, label: string) {
  return page.locator(`table.card-table tbody td[data-label="${label}"]`).first();
}

test.describe('every screen, at desktop and phone width', () => {
  screensOf('pm', PM_SCREENS, (page) => signIn(page, 'pm05@stint.local', DEMO_PASSWORD));
  screensOf('manager', MANAGER_SCREENS, (page) => signIn(page, MARIA));
  screensOf('admin', ADMIN_SCREENS, (page) => signIn(page, ADMIN.email, ADMIN.password));

  test('on a phone a manager’s lists are cards that keep what she acts on, and every tab is reachable', async ({
    page,
  }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, MARIA);
    await page.goto('/approvals?show=all');
    await expect(cardCell(page, 'Status')).toBeVisible();
    await expect(cardCell(page, 'Dates')).toBeVisible();
    await expect(cardCell(page, 'Goals')).toBeVisible();
    await expect(page.locator('table.card-table thead')).toHaveCSS('position', 'absolute');

    await page.goto('/check-ins');
    // A tab bar linked to its panel: a tablist of tabs.
    const tabs = page.getByRole('tablist', { name: 'Check-in views' }).getByRole('tab');
    await expect(tabs.filter({ hasText: 'All' })).toBeVisible();
    const labels = (await tabs.allTextContents()).map((l) => l.trim());
    expect(labels).toContain('All');
    for (const label of labels) {
      const tab = tabs.filter({ hasText: label });
      await expect(tab).toBeInViewport();
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
    }
    // On "All": each check-in card keeps its kind, ratings and its buttons, within the phone's width.
    await expect(cardCell(page, 'Check-in')).toBeVisible();
    await expect(cardCell(page, 'Ratings')).toBeVisible();
    const feedback = page.getByRole('button', { name: /^Add feedback for / }).first();
    await feedback.scrollIntoViewIfNeeded();
    await expect(feedback).toBeVisible();
    const box = await feedback.boundingBox();
    expect(box && box.x + box.width, 'the button fits the phone’s width').toBeLessThanOrEqual(PHONE.width);

    await page.goto('/waitlist');
    await expect(page.getByRole('heading', { name: 'Waitlist', level: 1 })).toBeVisible();
  });
});
