import { expect, test } from '@playwright/test';
import { MARIA, SAM, signIn } from './support/demo';
import { bookThroughApi, createRequest } from './support/manager-api';
import { expectAccessible, screen, signOut } from './support/manager-screens';
import { dialogSettled } from './support/screens';

/*
 * The manager dashboard: rejecting (and what a PM then sees of a placement), and the screens at phone width.
 * Set-up: support/manager-api.ts.
 */

test.describe('manager dashboard', () => {
  test('rejecting needs a comment, and the PM reads their placement without manager actions', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const { pm, requestId } = await createRequest(request, `reject ${Date.now()}`, 420);

    await signIn(page, MARIA);
    await page.goto(`/approvals/${requestId}`);
    await page.getByRole('button', { name: 'Reject…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject request' });
    await dialogSettled(page);
    await dialog.getByRole('button', { name: 'Reject request' }).click();
    await expect(dialog.getByText('A comment is required to reject.')).toBeVisible();
    await screen(page, 'manager-reject-dialog');
    await dialog.getByLabel('Comment').fill('The Q3 launch needs you here; let us plan this for after it.');
    await dialog.getByRole('button', { name: 'Reject request' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('decision-result')).toContainText('Rejected');
    await expect(page.getByTestId('request-status')).toHaveText('Rejected');
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);

    // History: the filter lives in the URL.
    await page.goto('/approvals?show=all&status=rejected');
    await expect(page.getByTestId(`request-${requestId}`)).toBeVisible();
    await signOut(page);

    // A PM may open a placement of theirs (booked here through the API) but gets no manager screens or actions.
    const placementId = await bookThroughApi(request, await createRequest(request, `pm view ${Date.now()}`, 420));
    await signIn(page, pm.user.email);
    await page.goto('/approvals');
    await expect(page).toHaveURL(/\/$/);
    await page.goto(`/placements/${placementId}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(pm.user.name);
    await expect(page.getByTestId('placement-status')).toHaveText('Scheduled');
    await expect(page.getByRole('heading', { name: 'Check-ins' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reschedule…' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Add feedback/ })).toHaveCount(0);
    await expectAccessible(page, 'placement as PM');
  });

  test('the screens stay usable at phone width', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, SAM);
    for (const [path, name] of [
      ['/approvals', 'manager-approvals-phone'],
      ['/timeline', 'manager-timeline-phone'],
      ['/capacity', 'manager-capacity-phone'],
      ['/check-ins', 'manager-check-ins-phone'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('progressbar')).toHaveCount(0);
      // Nothing wider than the screen but the scrollable frames that are meant to scroll.
      const overflow = await page.evaluate(() => {
        const main = document.querySelector('main');
        return main ? main.scrollWidth - main.clientWidth : 0;
      });
      expect(overflow, `${path} fits the width`).toBeLessThanOrEqual(1);
      await screen(page, name);
    }
  });
});
