import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { MARIA, SAM, signIn } from './support/demo';
import { addDays, apiGet, createRequest, must, Slot, weekStart } from './support/manager-api';
import { cellBooked, screen, signOut } from './support/manager-screens';
import { dialogSettled } from './support/screens';

/*
 * The manager dashboard end to end: a request approved by both managers, found on the timeline,
 * rescheduled, and the heat map, check-ins and insights following. Set-up: support/manager-api.ts.
 */

test.describe('manager dashboard', () => {
  test('a request is approved by both managers, found on the timeline, rescheduled, and the heat map follows', async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000);
    const { pm, team, requestId, slot } = await createRequest(request, `approve ${Date.now()}`, 200);

    // --- Maria, the PM's line manager, releases them.
    await signIn(page, MARIA);
    await page.getByRole('link', { name: 'Approvals' }).click();
    await expect(page).toHaveURL(/\/approvals$/);
    const row = page.getByTestId(`request-${requestId}`);
    await expect(row).toHaveText(pm.user.name);
    await screen(page, 'manager-approvals');

    await row.click();
    await expect(page).toHaveURL(new RegExp(`/approvals/${requestId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${pm.user.name} → ${team.name}`);
    await expect(page.getByTestId('rule-check')).toContainText('Capacity is free on every day');
    await expect(page.getByTestId('rule-check')).toContainText('No overlapping rotations');
    await expect(page.getByText(/Hear objections first-hand/)).toBeVisible();
    await screen(page, 'manager-approval-detail');

    await page.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByTestId('decision-result')).toContainText('is released');
    await expect(page.getByTestId('request-status')).toHaveText('Waiting for host team');
    await signOut(page);

    // --- Sam, the host team's manager, agrees, which books it. The deep link is what the email points to.
    await signIn(page, SAM);
    await page.goto('/approvals');
    await expect(page.getByTestId(`request-${requestId}`)).toBeVisible();
    await page.goto(`/approvals/${requestId}`);
    await expect(page.getByTestId('request-status')).toHaveText('Waiting for host team');
    await expect(page.getByTestId('rule-check')).toContainText('Capacity is free on every day');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByTestId('decision-result')).toContainText('Approved and booked');
    await expect(page.getByTestId('request-status')).toHaveText('Booked');

    const booked = await apiGet<{ placementId: string }>(request, pm, `/api/rotation-requests/${requestId}`);
    const placementId = booked.placementId;
    expect(placementId).toBeTruthy();

    // --- The timeline shows it in the team's row group; the bar opens the placement.
    await page.getByRole('link', { name: 'Timeline' }).click();
    await page.getByLabel('From week of').fill(weekStart(slot.startDate));
    await page.getByLabel('From week of').dispatchEvent('change');
    await expect(page).toHaveURL(new RegExp(`from=${weekStart(slot.startDate)}`));
    const bar = page.getByTestId(`bar-${placementId}`);
    await expect(bar).toBeVisible();
    await expect(page.getByTestId(`timeline-team-${team.id}`)).toContainText(`Capacity ${team.capacity}`);
    await expect(bar).toHaveAttribute('aria-label', /scheduled/);
    await screen(page, 'manager-timeline');

    // The heat map before the move: the booked week and a week after it.
    const oldWeek = weekStart(slot.startDate);
    const oldBefore = await cellBooked(page, team.id, oldWeek);
    expect(oldBefore).toBeGreaterThanOrEqual(1);

    // A free slot for the PM in the same team, well after the current dates.
    const later = new URLSearchParams({
      durationWeeks: '2',
      earliestStart: addDays(slot.endDate, 15),
      latestEnd: addDays(slot.endDate, 500),
      teamId: team.id,
      limit: '1',
    });
    const target = must(
      (await apiGet<Slot[]>(request, pm, `/api/slots?${later.toString()}`))[0],
      'No later slot to move the placement to.',
    );
    const newWeek = weekStart(target.startDate);
    const newBefore = await cellBooked(page, team.id, newWeek);

    // --- Reschedule from the placement page.
    await page.goto(`/timeline?from=${oldWeek}&team=${team.id}`);
    await page.getByTestId(`bar-${placementId}`).click();
    await expect(page).toHaveURL(new RegExp(`/placements/${placementId}$`));
    await expect(page.getByTestId('placement-status')).toHaveText('Scheduled');
    await expect(page.getByRole('heading', { name: 'Check-ins' })).toBeVisible();
    await screen(page, 'manager-placement');

    await page.getByRole('button', { name: 'Reschedule…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reschedule placement' });
    await expect(dialog).toBeVisible();
    await dialogSettled(page);
    await dialog.getByLabel('New start date').fill(target.startDate);
    await expect(dialog).toContainText('It would run until');
    await screen(page, 'manager-reschedule-dialog');
    await dialog.getByRole('button', { name: 'Reschedule' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Rescheduled to' })).toBeVisible();
    await expect(page.getByTestId('placement-dates')).toContainText(target.startDate.slice(0, 4));

    // --- The heat map changed: one less in the old week, one more in the new.
    expect(await cellBooked(page, team.id, oldWeek)).toBe(oldBefore - 1);
    expect(await cellBooked(page, team.id, newWeek)).toBe(newBefore + 1);
    await page.getByTestId(`cell-${team.id}-${newWeek}`).click();
    await expect(page).toHaveURL(new RegExp(`team=${team.id}&week=${newWeek}`));
    await expect(page.getByTestId('cell-panel').locator(`a[href="/placements/${placementId}"]`)).toBeVisible();
    await screen(page, 'manager-capacity');

    // --- Check-in tracker: the moved placement's kick-off, with feedback from the host.
    await page.getByRole('link', { name: 'Check-ins' }).click();
    await expect(page.getByRole('heading', { name: 'Check-ins', level: 1 })).toBeVisible();
    await expect(page.getByTestId('figure-rate')).not.toHaveText('…');
    await screen(page, 'manager-check-ins');

    const placement = await apiGet<{ checkIns: Array<{ id: string; kind: string; scheduledAt: string }> }>(
      request,
      pm,
      `/api/placements/${placementId}`,
    );
    const kickoff = must(
      placement.checkIns.find((c) => c.kind === 'kickoff'),
      'The placement has no kick-off check-in.',
    );
    const day = kickoff.scheduledAt.slice(0, 10);
    await page.goto(`/check-ins?view=all&from=${day}&to=${day}`);
    const checkInRow = page.getByTestId(`check-in-${kickoff.id}`);
    await expect(checkInRow).toBeVisible();
    await checkInRow.getByRole('button', { name: /Add feedback/ }).click();
    const feedback = page.getByRole('dialog', { name: 'Add feedback' });
    await dialogSettled(page);
    await feedback.getByRole('button', { name: 'Save feedback' }).click();
    await expect(feedback.getByText('Write some feedback first.')).toBeVisible();
    await feedback.getByLabel('Feedback').fill('Welcome aboard: shadow Jordan on the first two renewal calls.');
    await screen(page, 'manager-feedback-dialog');
    await feedback.getByRole('button', { name: 'Save feedback' }).click();
    await expect(feedback).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Feedback saved' })).toBeVisible();
    await expect(checkInRow).toContainText('1');

    // --- Insights: the headline answer first, sample sizes beside every bar, the evidence exported per rotation.
    await page.getByRole('link', { name: 'Insights' }).click();
    await expect(page.getByRole('region', { name: 'How long should a rotation be?' })).toBeVisible();
    await expect(page.getByTestId('running')).toContainText('still running');
    await expect(page.getByTestId('duration-gains')).toContainText('n =');
    await screen(page, 'manager-insights');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^stint-outcomes.*\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^pm,team,region,start,end,weeks,finished,kickoff_negotiation,/);
    // The rotation booked and moved above is in the export, still running.
    expect(csv.split('\n').some((line) => line.includes(target.startDate) && line.includes(',false,'))).toBe(true);
  });
});
