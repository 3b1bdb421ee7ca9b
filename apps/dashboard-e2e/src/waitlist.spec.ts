import { expect, test } from '@playwright/test';
import { signIn } from './support/demo';
import { screen, signOut } from './support/manager-screens';
import { dialogSettled } from './support/screens';
import { fullTeam } from './support/waitlist-api';

/*
 * The waitlist end to end (issue 14): a host finds their team full, puts the released request on the waitlist,
 * then frees the place by cancelling the booked placement; the waiting PM is offered it at once, sees the offer
 * with its countdown and accepts it. Set-up through the API: support/waitlist-api.ts.
 */

test.describe('waitlist', () => {
  test('a full team waitlists a request, a freed place is offered to it, and the PM accepts', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const { team, host, pmB, placementA, requestB } = await fullTeam(request);

    // --- The host opens B's request: the team is full, so the waitlist is the main way on.
    await signIn(page, host.email, host.password);
    await page.goto(`/approvals/${requestB}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${pmB.name} → ${team.name}`);
    await expect(page.getByTestId('request-status')).toHaveText('Waiting for host team');
    await expect(page.getByTestId('rule-check')).toContainText('The team is full');
    await expect(page.getByTestId('rule-check')).not.toContainText(/\d{4}-\d{2}-\d{2}/);
    const addToWaitlist = page.getByRole('button', { name: 'Add to waitlist' });
    await expect(addToWaitlist).toBeVisible();
    await expect(page.getByRole('button', { name: 'Approve' })).toBeVisible();
    await screen(page, 'waitlist-approval-full');

    await addToWaitlist.click();
    await expect(page.getByTestId('waitlist-status')).toContainText('On the waitlist — number 1 in line');
    await expect(page.getByTestId('request-status')).toHaveText('On waitlist');
    await expect(page.getByRole('button', { name: 'Remove from waitlist…' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add to waitlist' })).toHaveCount(0);

    // --- The host's waitlist screen shows B first in line.
    await page.getByRole('link', { name: 'Waitlist' }).click();
    await expect(page).toHaveURL(/\/waitlist/);
    const table = page.getByTestId('waitlist-table');
    const rowB = table.getByRole('row').filter({ hasText: pmB.name });
    await expect(rowB).toContainText('Next in line');
    await expect(rowB).toContainText('On waitlist');
    await screen(page, 'waitlist-screen');

    // --- The host cancels A's placement: the place frees and is offered to B at once.
    await page.goto(`/placements/${placementA}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(team.name);
    await page.getByRole('button', { name: 'Cancel placement…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel placement' });
    await dialogSettled(page);
    await dialog.getByLabel('Reason').fill('The account moved to another region.');
    await dialog.getByRole('button', { name: 'Cancel placement' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('placement-status')).toHaveText('Cancelled');

    await page.getByRole('link', { name: 'Waitlist' }).click();
    await expect(rowB).toContainText('Offer out');
    await expect(rowB).toContainText(/Held until .+ \((1 day 23 hours|2 days) left\)/);
    await signOut(page);

    // --- PM B sees the place held for them on their home page, with the time left, and accepts it.
    await signIn(page, pmB.email, pmB.password);
    const offer = page.getByTestId('offer-card');
    await expect(offer.getByRole('heading')).toHaveText(`A place in ${team.name} is held for you`);
    await expect(page.getByTestId('offer-countdown')).toContainText(
      /Held for you until .+ — (1 day 23 hours|2 days) left/,
    );
    await screen(page, 'waitlist-pm-offer');

    await offer.getByRole('button', { name: /^Accept/ }).click();
    const result = page.getByTestId('offer-result');
    await expect(result).toContainText(`Booked: ${team.name},`);
    await expect(page.getByTestId('offer-card')).toHaveCount(0);

    // --- My rotations shows it booked, with its placement.
    await page.getByRole('link', { name: 'My rotations' }).click();
    const card = page.locator(`[data-request-id="${requestB}"]`);
    await expect(card).toContainText('Booked');
    await expect(card.getByRole('link', { name: 'View placement' })).toBeVisible();
  });
});
