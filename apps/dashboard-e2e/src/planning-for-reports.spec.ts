import { expect, test } from '@playwright/test';
import { apiLogin, createTeam } from './support/admin-api';
import { MARIA, signIn } from './support/demo';
import { screen } from './support/manager-screens';
import { ADMIN } from './support/screens';
import { startsWith } from './support/self-service-screens';

/*
 * Issue 13: managers plan for their reports, as the brief says: "Plan a rotation" is in their navigation with a PM
 * picker, and the capacity map can show every team, not only the ones their own people touch.
 */
test.describe('planning for reports', () => {
  test('a manager finds planning in the navigation and picks one of her reports', async ({ page }) => {
    await signIn(page, MARIA);
    await page.getByRole('link', { name: 'Plan a rotation' }).click();
    await expect(page.getByRole('heading', { name: 'Plan a rotation', level: 1 })).toBeVisible();
    await page.getByRole('combobox', { name: startsWith('Product manager') }).click();
    await page.getByRole('option', { name: /Lena Hoffmann/ }).click();
    await expect(page).toHaveURL(/pmId=/);
    await expect(page.getByRole('heading', { name: 'Their rotations' })).toBeVisible();
    await screen(page, 'plan-for-report');
  });

  test('the capacity map shows a manager her teams, and every team once she asks', async ({ page, request }) => {
    const admin = await apiLogin(request, ADMIN.email, ADMIN.password);
    const team = await createTeam(request, admin, 'elsewhere');
    await signIn(page, MARIA);
    await page.goto(`/capacity?q=${encodeURIComponent(team.name)}`);
    const heatmap = page.getByTestId('heatmap');
    await expect(page.getByText(team.name)).toHaveCount(0);
    await page.getByTestId('capacity-scope').getByRole('radio', { name: 'All teams' }).click();
    await expect(page).toHaveURL(/scope=all/);
    await expect(heatmap.getByText(team.name)).toBeVisible();
    await screen(page, 'capacity-all-teams');
  });
});
