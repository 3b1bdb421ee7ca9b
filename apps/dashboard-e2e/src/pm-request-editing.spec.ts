import { expect, test } from '@playwright/test';
import { apiLogin, call, createPm, createTeam, isoDay } from './support/admin-api';
import { MARIA, signIn } from './support/demo';
import { ADMIN, dialogSettled, saveScreen } from './support/screens';
import { expectAccessible, startsWith } from './support/self-service-screens';

/*
 * PM self-service: editing a pending request (approval restarts) and withdrawing it.
 */

test.describe('PM self-service', () => {
  test('a PM edits a pending request (approval restarts) and withdraws it', async ({ page, request }) => {
    const admin = await apiLogin(request, ADMIN.email, ADMIN.password);
    const pm = await createPm(request, admin, 'editor');
    const team = await createTeam(request, admin, 'Edit');
    const session = await apiLogin(request, pm.email, pm.password);
    const [slot] = await call<Array<{ startDate: string }>>(
      request,
      session,
      'get',
      `/api/slots?durationWeeks=2&earliestStart=${isoDay(14)}&latestEnd=${isoDay(200)}&teamId=${team.id}&limit=1`,
    );
    expect(slot).toBeTruthy();
    const created = await call<{ id: string }>(request, session, 'post', '/api/rotation-requests', {
      teamId: team.id,
      startDate: slot?.startDate,
      durationWeeks: 2,
      goals: ['closing'],
    });
    const maria = await apiLogin(request, MARIA);
    await call(request, maria, 'post', `/api/rotation-requests/${created.id}/approve`, {});

    await signIn(page, pm.email, pm.password);
    await page.goto('/my-rotations?status=pending_host');
    await expect(page.getByRole('combobox', { name: startsWith('Status') })).toContainText('Waiting for host team');
    const card = page.locator(`[data-request-id="${created.id}"]`);
    await expect(card).toContainText('Waiting for host team');

    await card.getByRole('button', { name: /^Edit request/ }).click();
    await dialogSettled(page);
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('restart-warning')).toContainText('restarts approval');
    await dialog.getByLabel('Duration (weeks)').fill('1');
    await expect(dialog.getByTestId('restart-warning')).toContainText('approval starts again');
    await saveScreen(page, 'pm-edit-request');
    await expectAccessible(page, 'edit request dialog');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Request updated. Approval starts again with your line manager.')).toBeVisible();

    await page.goto('/my-rotations');
    await expect(card).toContainText('Waiting for line manager');
    await card.getByRole('button', { name: /^Withdraw request/ }).click();
    await expect(page.getByRole('alertdialog')).toContainText('Withdraw this request?');
    await saveScreen(page, 'pm-withdraw-confirm');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Withdraw request' }).click();
    await expect(page.getByText('Request withdrawn.')).toBeVisible();
    await expect(card).toContainText('Withdrawn');
    await expect(card.getByRole('button', { name: /^Withdraw request/ })).toHaveCount(0);
  });
});
