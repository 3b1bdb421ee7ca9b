import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { saveScreen } from './screens';

/* Screen helpers of the manager dashboard specs. */

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** An axe-core scan of what is on screen (dialogs included): no serious or critical violations. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
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

export async function screen(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await saveScreen(page, name);
}

export async function cellBooked(page: Page, teamId: string, week: string): Promise<number> {
  await page.goto(`/capacity?from=${week}&weeks=4`);
  const cell = page.getByTestId(`cell-${teamId}-${week}`);
  await expect(cell).toBeVisible();
  const text = (await cell.textContent())?.trim() ?? '';
  const match = /^(\d+)\/(\d+)/.exec(text);
  expect(match, `cell text "${text}"`).not.toBeNull();
  return Number(match?.[1]);
}
