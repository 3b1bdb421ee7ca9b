import { expect, test } from '@playwright/test';
import { ADMIN, saveScreen } from './support/screens';

test.describe('signing in', () => {
  test('a wrong password is explained on the page, the right one leads home', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('heading', { name: 'Sign in to Stint' })).toBeVisible();
    await saveScreen(page, 'login');

    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');

    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: /Welcome, / })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toContainText('admin');
    await expect(page.getByTestId('profile')).toContainText(ADMIN.email);
    await saveScreen(page, 'home');
  });

  test('the session survives a reload, and a deep link returns there after sign-in', async ({ page }) => {
    await page.goto('/some/deep/link');
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Fsome%2Fdeep%2Flink/);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/some\/deep\/link$/);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

    await page.goto('/');
    await page.reload();
    await expect(page.getByRole('heading', { name: /Welcome, / })).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
  });

  test('the token stays out of reach of page scripts, and a session ended elsewhere sends the user to sign in with a message', async ({
    page,
    context,
    request,
  }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: /Welcome, / })).toBeVisible();

    // The credential is an httpOnly, SameSite=Strict cookie on /api: nothing a page script can read holds a token.
    const readable = await page.evaluate(() =>
      JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookies: document.cookie }),
    );
    expect(readable).not.toMatch(/eyJ/);
    const cookie = (await context.cookies()).find((c) => c.name === 'stint_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });

    // "Sign out everywhere" from another client ends this browser's session too.
    const other = await request.post('/api/auth/login', { data: { email: ADMIN.email, password: ADMIN.password } });
    const { accessToken } = (await other.json()) as { accessToken: string };
    const ended = await request.post('/api/auth/logout-all', { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(ended.status()).toBe(204);

    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('status')).toHaveText(/session has ended/);
  });
});
