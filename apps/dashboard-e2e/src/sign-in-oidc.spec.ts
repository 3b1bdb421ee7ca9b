import { expect, type Page, test } from '@playwright/test';
import { saveScreen } from './support/screens';

/*
 * Single sign-on in Chromium against a real OpenID Connect provider started beside the app
 * (tools/oidc-dev-provider.mjs; see playwright.config.ts): the user clicks "Sign in with Example SSO",
 * signs in on the provider's own login page, and lands where they were going, signed in.
 */

async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
  // The provider's own page, on its own origin.
  await expect(page).toHaveURL(/localhost:\d+\/interaction\//);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
}

test.describe('single sign-on', () => {
  test('a manager new to Stint signs in at the provider and lands on the page they asked for', async ({ page }) => {
    await page.goto('/approvals');
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fapprovals/);
    await expect(page.getByText('or with your email and password')).toBeVisible();
    await saveScreen(page, 'login-with-sso');

    await signInAtProvider(page, 'lead.browser@example.com');

    await expect(page).toHaveURL(/\/approvals$/);
    await expect(page.getByRole('heading', { name: 'Approvals', level: 1 })).toBeVisible();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Welcome, Lead Browser' })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toContainText('manager');
  });

  test('a new person arrives as a PM; a refusal comes back to the sign-in page in words', async ({ page }) => {
    await page.goto('/login');
    await signInAtProvider(page, 'new.pm.browser');
    await expect(page.getByRole('heading', { name: 'Welcome, New Pm Browser' })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toContainText('pm');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);

    // Signing out of Stint leaves the provider's own session; someone else at this browser starts afresh.
    await page.context().clearCookies();
    await signInAtProvider(page, 'unverified.visitor');
    await expect(page).toHaveURL(/\/login\?error=/);
    await expect(page.getByRole('alert')).toContainText('is not verified');
  });
});
