import { expect, test, type Page, type Response } from '@playwright/test';
import { ADMIN, dialogSettled } from './support/screens';

/*
 * The Content-Security-Policy is strict (no 'unsafe-inline' or 'unsafe-eval'
 * for scripts, a per-response nonce for Angular's <style> elements): the
 * dashboard and Swagger UI must still render without a single violation.
 */

/** Records every CSP violation the page reports, in the console or as a securitypolicyviolation event. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) seen.push(`console ${message.type()}: ${message.text()}`);
  });
  // Runs before any page script, outside the page's CSP.
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`,
      );
    });
  });
  return async () => {
    const events = await page
      .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
      .catch(() => []);
    return [...seen, ...events];
  };
}

/** The policy's directives, name → sources. */
function policyOf(response: Response | null): Map<string, string[]> {
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header, 'Content-Security-Policy header').not.toBe('');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

function expectStrictScripts(policy: Map<string, string[]>): void {
  const scriptSrc = policy.get('script-src') ?? [];
  expect(scriptSrc).toContain("'self'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(policy.get('style-src') ?? []).not.toContain("'unsafe-inline'");
}

test.describe('Content-Security-Policy', () => {
  test('sign-in and admin pages render under the strict policy with no violation', async ({ page }) => {
    const violations = await watchCsp(page);

    const login = await page.goto('/login');
    const loginPolicy = policyOf(login);
    expectStrictScripts(loginPolicy);
    const nonce = /^'nonce-(.+)'$/.exec(loginPolicy.get('style-src')?.find((s) => s.startsWith("'nonce-")) ?? '')?.[1];
    expect(nonce, 'a style nonce in the policy').toBeTruthy();
    await expect(page.getByRole('heading', { name: 'Sign in to Stint' })).toBeVisible();
    // Angular put the response's nonce on each component <style> it inserted, so they applied.
    const styles = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.nonce));
    expect(styles.length).toBeGreaterThan(0);
    expect(new Set(styles)).toEqual(new Set([nonce]));

    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: /Welcome, / })).toBeVisible();

    // A deep link loads index.html afresh: a new nonce, and the admin screens (tables, menus, a dialog) render.
    const users = await page.goto('/admin/users');
    expectStrictScripts(policyOf(users));
    expect(policyOf(users).get('style-src')).not.toContain(`'nonce-${nonce}'`);
    await expect(page.getByTestId('users-table')).toBeVisible();
    await page.getByRole('button', { name: 'New user' }).click();
    await dialogSettled(page);
    await expect(page.getByRole('dialog').getByLabel('Name')).toBeVisible();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('link', { name: 'Teams' }).click();
    await expect(page).toHaveURL(/\/admin\/teams/);

    expect(await violations()).toEqual([]);
  });

  test('Swagger UI at /api/docs renders with its own hash-based policy and no violation', async ({ page }) => {
    const violations = await watchCsp(page);
    const docs = await page.goto('/api/docs');
    const policy = policyOf(docs);
    expectStrictScripts(policy);
    expect(policy.get('style-src')?.every((s) => s === "'self'" || s.startsWith("'sha256-"))).toBe(true);
    await expect(page.locator('.swagger-ui .info .title')).toContainText('Stint API');
    await expect(page.locator('.opblock').first()).toBeVisible();
    expect(await violations()).toEqual([]);
  });
});
