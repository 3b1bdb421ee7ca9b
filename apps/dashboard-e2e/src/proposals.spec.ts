import { expect, test } from '@playwright/test';
import { apiLogin, call } from './support/admin-api';
import { signIn } from './support/demo';
import { signOut } from './support/manager-screens';
import { dialogSettled } from './support/screens';
import { fullTeam } from './support/waitlist-api';

/*
 * Issue 13, a full team: the host reads a plain sentence with the next free starts as buttons, proposes one,
 * the PM accepts it on their home page, and the host approves the request at its new dates, which books it.
 * Set-up through the API: support/waitlist-api.ts (a one-place team booked by PM A; PM B released for the same dates).
 */

const ISO = /\d{4}-\d{2}-\d{2}/;

test.describe('counter-proposals', () => {
  test('the host proposes a free start, the PM accepts it on their home, the host approves and it books', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const { team, host, pmB, requestB, dates } = await fullTeam(request, ' Proposal');

    // --- The host: a sentence in words, the next free starts as buttons, Approve not the main action.
    await signIn(page, host.email, host.password);
    await page.goto(`/approvals/${requestB}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${pmB.name} → ${team.name}`);
    const full = page.getByTestId('capacity-full');
    await expect(full).toContainText(`${team.name} has no free place on`);
    await expect(full).not.toContainText(ISO);
    await expect(full).not.toContainText('CAPACITY_FULL');
    await expect(page.getByTestId('rule-check')).not.toContainText('Capacity is free');
    await expect(page.locator('.decision .actions button').first()).toHaveText('Add to waitlist');
    const slots = full.getByRole('group', { name: 'Next free starts' }).getByRole('button');
    await expect(slots.first()).toBeVisible();
    const chosen = (await slots.first().innerText()).trim();

    await slots.first().click();
    const dialog = page.getByRole('alertdialog', { name: 'Propose these dates?' });
    await dialogSettled(page);
    await expect(dialog).toContainText(chosen);
    await dialog.getByRole('button', { name: 'Propose these dates' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('decision-result')).toContainText(`Proposed ${chosen} to ${pmB.name}`);
    await expect(page.getByTestId('proposal-status')).toContainText(chosen);
    await expect(page.getByTestId('request-status')).toHaveText('Waiting for host team');
    await signOut(page);

    // --- The PM sees the proposal on their home page and accepts it.
    await signIn(page, pmB.email, pmB.password);
    const card = page.getByTestId('today-proposals');
    await expect(card).toContainText(`${team.name} is full on`);
    // The same dates, in words (the home page writes the weekdays too).
    for (const part of chosen.split(' – ')) await expect(card).toContainText(part);
    await expect(card).not.toContainText(ISO);
    await card.getByRole('button', { name: 'Accept these dates' }).click();
    await expect(page.getByTestId('proposal-result')).toContainText(`Accepted: your request for ${team.name}`);
    await expect(page.getByTestId('today-proposals')).toHaveCount(0);
    await signOut(page);

    // --- The host approves as usual: capacity is free on the new dates, and approving books it.
    await signIn(page, host.email, host.password);
    await page.goto(`/approvals/${requestB}`);
    await expect(page.getByTestId('rule-check')).toContainText('Capacity is free on every day');
    await expect(page.getByTestId('capacity-full')).toHaveCount(0);
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByTestId('decision-result')).toContainText('Approved and booked');
    await expect(page.getByTestId('request-status')).toHaveText('Booked');

    const hostSession = await apiLogin(request, host.email, host.password);
    const booked = await call<{ status: string; startDate: string; proposal: unknown }>(
      request,
      hostSession,
      'get',
      `/api/rotation-requests/${requestB}`,
    );
    expect(booked).toMatchObject({ status: 'booked', proposal: null });
    expect(booked.startDate > dates.startDate).toBe(true);
  });
});
