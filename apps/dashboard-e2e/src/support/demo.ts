import { expect, type Page } from '@playwright/test';

/* The demo seed's people, as the browser specs sign in with them. */

export const DEMO_PASSWORD = 'demo1234';
export const MARIA = 'maria.manager@stint.local';
export const SAM = 'sam.manager@stint.local';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Welcome, / })).toBeVisible();
}
