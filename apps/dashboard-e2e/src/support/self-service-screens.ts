import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import { signIn } from './demo';

/* Screen helpers of the PM self-service and programme admin specs. */

export function blocking(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** No serious or critical axe violation on the whole page (shell included) as it is now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.locator('mat-progress-bar')).toHaveCount(0, { timeout: 15_000 });
  // Material's snack bar keeps its live region aria-hidden for a moment while it announces; scan once it has settled.
  await expect(page.locator('.mat-mdc-snack-bar-container [aria-hidden="true"]')).toHaveCount(0, { timeout: 5_000 });
  // Let fades (error messages, dialogs) finish, as the manager screens' scan does: half-faded text is not what a
  // user reads (the policy editor's errors were once caught mid-fade, a flaky color-contrast finding).
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const results = await new AxeBuilder({ page }).analyze();
  expect(blocking(results.violations), `axe on ${screen}`).toEqual([]);
}

/** How the page writes a calendar day (`Mon 5 Jan 2099`), allowing for the month's spelling in the browser's ICU. */
export function dayPattern(iso: string): RegExp {
  const [year, month, day] = iso.split('-').map(Number);
  const weekday = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).toLocaleDateString('en-GB', {
    weekday: 'short',
    timeZone: 'UTC',
  });
  return new RegExp(`opens on ${weekday} ${day} \\p{L}+ ${year}, the day of this check-in`, 'u');
}

/** `+2`, `0`, `−1`, as the trend writes a change. */
export function signed(delta: number): string {
  return delta > 0 ? `+${delta}` : delta < 0 ? `\u2212${Math.abs(delta)}` : '0';
}

export function startsWith(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

/**
 * Picks an option of a Material select (not a native <select>). The select's
 * accessible name is its label followed by the current value, hence the prefix match.
 */
export async function choose(
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
export async function approveAs(
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
