import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { apiLogin, call, CheckInView, createPm, createTeam, isoDay, overdueDemoCheckIn } from './support/admin-api';
import { MARIA, SAM, signIn } from './support/demo';
import { ADMIN, saveScreen } from './support/screens';
import { approveAs, choose, dayPattern, expectAccessible, signed, startsWith } from './support/self-service-screens';

/*
 * PM self-service: planning a rotation from a suggestion through both approvals to the booked placement,
 * its check-ins and the reflection. Against the built system with the demo seed; set-up: support/admin-api.ts.
 */

test.describe('PM self-service', () => {
  test('a PM plans a rotation from a suggestion, both managers approve, the PM sees it booked and reflects', async ({
    page,
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const admin = await apiLogin(request, ADMIN.email, ADMIN.password);
    const pm = await createPm(request, admin, 'planner');
    const team = await createTeam(request, admin, 'Host');

    await signIn(page, pm.email, pm.password);
    await page.getByRole('link', { name: 'Plan a rotation' }).click();
    await expect(page.getByRole('heading', { name: 'Plan a rotation', level: 1 })).toBeVisible();

    // A duration outside the policy is explained next to the duration.
    await page.getByLabel('Duration (weeks)').fill('20');
    await page.getByLabel('Duration (weeks)').blur();
    await expect(page.getByTestId('duration-error')).toContainText('outside the policy');
    await page.getByLabel('Duration (weeks)').fill('2');
    await choose(page, 'Preferred teams', new RegExp(team.name), true);
    // Two weeks out, so the rotation (and its kick-off) is always ahead, whatever the weekday today.
    await page.getByLabel('Earliest start').fill(isoDay(14));

    // Live suggestions for the preferred team.
    const suggestions = page.getByTestId('suggestions');
    const firstSlot = suggestions.getByRole('button', { name: new RegExp(team.name) }).first();
    await expect(firstSlot).toBeVisible();
    await expect(page).toHaveURL(/\/plan/);

    // A start date in the past is refused by the API, and the reason shows next to the dates.
    await choose(page, 'Team', team.name);
    await page.getByLabel('Start date').fill(isoDay(-3));
    await page.getByRole('option', { name: 'Negotiation' }).click();
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByTestId('dates-error')).toContainText(/already passed/);
    await saveScreen(page, 'pm-plan-rule-error');

    // Pick the suggestion instead: the error goes, the request goes through.
    await firstSlot.click();
    await expect(firstSlot).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('dates-error')).toHaveCount(0);
    await page.getByRole('option', { name: 'Closing' }).click();
    await page.getByLabel('Another goal').fill('Shadow a renewal call');
    await page.getByRole('button', { name: 'Add goal' }).click();
    await expect(page.getByRole('option', { name: 'Shadow a renewal call' })).toHaveAttribute('aria-selected', 'true');
    await page.getByLabel('Motivation').fill('I own pricing and want to hear objections first-hand.');
    await saveScreen(page, 'pm-plan');
    await expectAccessible(page, 'plan');

    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.locator('mat-sidenav')).toBeHidden();
    await saveScreen(page, 'pm-plan-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page).toHaveURL(/\/my-rotations/);
    const card = page.getByTestId('requests').locator('mat-card').filter({ hasText: team.name }).first();
    await expect(card).toContainText('Waiting for line manager');
    await expect(card).toContainText('Shadow a renewal call');
    const requestId = (await card.getAttribute('data-request-id')) ?? '';
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await saveScreen(page, 'pm-my-rotations-pending');

    // The same window again now overlaps the pending request, and the planner says so before submitting.
    await page.goto('/plan');
    await choose(page, 'Team', team.name);
    const pending = await call<{ startDate: string }>(
      request,
      await apiLogin(request, pm.email, pm.password),
      'get',
      `/api/rotation-requests/${requestId}`,
    );
    await page.getByLabel('Start date').fill(pending.startDate);
    await expect(page.getByTestId('overlap-warning')).toContainText('overlap a pending request');

    // Line manager releases, host manager books.
    await approveAs(browser, request, MARIA, requestId, /Approved/);
    await approveAs(browser, request, SAM, requestId, /booked/);

    await page.goto('/my-rotations');
    await expect(card).toContainText('Booked');
    // The trail names who decided, not their role alone.
    await expect(card).toContainText(/Released by Maria \w+ \(line manager\)/);
    await expect(card).toContainText(/Approved by Sam \w+ \(host manager\)/);
    const placement = page.getByTestId('placements').locator('mat-card').filter({ hasText: team.name }).first();
    await expect(placement).toBeVisible();
    await expect(placement.locator('.timeline li')).toHaveCount(5); // W + 3 check-ins for two weeks, the pulse last
    const placementId = (await placement.getAttribute('data-placement-id')) ?? '';
    await saveScreen(page, 'pm-my-rotations');
    await expectAccessible(page, 'my-rotations');

    // Calendar invites download with the PM's token.
    const download = page.waitForEvent('download');
    await placement.getByRole('button', { name: /calendar invite for Kick-off/i }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.ics$/);
    expect(readFileSync(await file.path(), 'utf8')).toContain('BEGIN:VCALENDAR');

    // The reflection, reached as reminder emails link to it: a deep link that survives signing in again.
    const kickoffHref = (await placement.getByRole('link', { name: 'Kick-off' }).getAttribute('href')) ?? '';
    expect(kickoffHref).toMatch(/^\/check-ins\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(kickoffHref);
    await expect(page).toHaveURL(/\/login\?returnUrl=/);
    await page.getByLabel('Email').fill(pm.email);
    await page.getByLabel('Password').fill(pm.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`${kickoffHref}$`));
    await expect(page.getByRole('heading', { name: 'Kick-off', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your reflection' })).toBeVisible();

    // The rotation is weeks away: the page says when the reflection opens instead of a form the API would refuse.
    const session = await apiLogin(request, pm.email, pm.password);
    const full = await call<{ checkIns: CheckInView[] }>(request, session, 'get', `/api/placements/${placementId}`);
    const kickoff = full.checkIns.find((c) => c.kind === 'kickoff');
    expect(kickoffHref).toBe(`/check-ins/${kickoff?.id}`);
    expect(kickoff?.opensOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByTestId('opens-on')).toContainText(dayPattern(kickoff?.opensOn ?? ''));
    await expect(page.getByRole('button', { name: 'Complete check-in' })).toHaveCount(0);
    await saveScreen(page, 'pm-check-in-not-open');
    await expectAccessible(page, 'check-in not open yet');
    const early = await request.post(`/api/check-ins/${kickoff?.id}/complete`, {
      headers: { Authorization: `Bearer ${session.accessToken}` },
      data: { ratings: { negotiation: 2, closing: 3, persistence: 2 }, notes: 'Too early.' },
    });
    expect(early.status()).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'INVALID_STATE', details: { opensOn: kickoff?.opensOn } });

    // A reflection that is due: a demo PM with an overdue check-in (the first the API lists) files it.
    const due = await overdueDemoCheckIn(request, admin);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, due.pm.email);
    await page.goto(`/check-ins/${due.checkIn.id}`);
    await expect(page.getByRole('heading', { name: 'Your reflection' })).toBeVisible();
    await expect(page.getByTestId('check-in-status')).toHaveText('Overdue');
    await expect(page.getByTestId('opens-on')).toHaveCount(0);

    await page.getByRole('button', { name: 'Complete check-in' }).click();
    await expect(page.getByText('Rate negotiation from 1 to 5.')).toBeVisible();
    await saveScreen(page, 'pm-check-in-reflection');
    await expectAccessible(page, 'check-in reflection');

    const mine = { negotiation: 2, closing: 3, persistence: 2 };
    await page.getByRole('radiogroup', { name: 'Negotiation', exact: true }).getByRole('radio', { name: '2' }).check();
    await page.getByRole('radiogroup', { name: 'Closing', exact: true }).getByRole('radio', { name: '3' }).check();
    await page.getByRole('radiogroup', { name: 'Persistence', exact: true }).getByRole('radio', { name: '2' }).check();
    await page.getByLabel('Notes').fill('Caught up late: picked three deals to follow.');
    await page.getByRole('button', { name: 'Complete check-in' }).click();
    await expect(page.getByTestId('check-in-status')).toHaveText('Completed');
    await expect(page.getByTestId('reflection')).toContainText('2 of 5');

    // The ratings trend: the PM's earlier reflections (as the API had them) and this one, first to latest by schedule.
    const points = [
      ...due.completedBefore,
      { id: due.checkIn.id, scheduledAt: due.checkIn.scheduledAt, ratings: mine },
    ].sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt) || a.id.localeCompare(b.id));
    await expect(page.getByTestId('trend-table').locator('tbody tr')).toHaveCount(points.length);
    const first = points[0]?.ratings;
    const last = points[points.length - 1]?.ratings;
    if (first && last && points.length > 1) {
      for (const [skill, label] of [
        ['negotiation', 'Negotiation'],
        ['closing', 'Closing'],
        ['persistence', 'Persistence'],
      ] as const) {
        await expect(page.getByTestId('trend-change')).toContainText(`${label} ${signed(last[skill] - first[skill])}`);
      }
    }
    await saveScreen(page, 'pm-check-in-trend');
    await expectAccessible(page, 'check-in trend');

    // Completing twice is refused; the page then shows the reflection, not the form.
    const demoSession = await apiLogin(request, due.pm.email);
    const again = await request.post(`/api/check-ins/${due.checkIn.id}/complete`, {
      headers: { Authorization: `Bearer ${demoSession.accessToken}` },
      data: { ratings: mine, notes: '' },
    });
    expect(again.status()).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'INVALID_STATE', details: { status: 'completed' } });

    // The PM's line manager reads the reflection and adds feedback on the same page.
    const lineManager = await browser.newContext();
    const lineManagerPage = await lineManager.newPage();
    await signIn(lineManagerPage, due.lineManagerEmail);
    await lineManagerPage.goto(`/check-ins/${due.checkIn.id}`);
    await expect(lineManagerPage.getByTestId('reflection')).toContainText('3 of 5');
    await lineManagerPage.getByLabel('Your feedback').fill('Good catch-up: ask for the next step on every call.');
    await lineManagerPage.getByRole('button', { name: 'Add feedback' }).click();
    await expect(lineManagerPage.getByTestId('feedback')).toContainText('ask for the next step');
    await saveScreen(lineManagerPage, 'manager-check-in-feedback');
    await expectAccessible(lineManagerPage, 'check-in (manager)');
    await lineManager.close();

    // A line manager can plan for their PM too.
    const manager = await browser.newContext();
    const managerPage = await manager.newPage();
    await signIn(managerPage, MARIA);
    await managerPage.goto(`/plan?pmId=${pm.id}`);
    await expect(managerPage.getByRole('combobox', { name: startsWith('Product manager') })).toContainText(pm.name);
    await expect(managerPage.getByTestId('existing-rotations')).toContainText(team.name);
    await expect(managerPage.getByTestId('suggestions').getByRole('button').first()).toBeVisible();
    await saveScreen(managerPage, 'manager-plan-for-pm');
    await expectAccessible(managerPage, 'plan (manager)');
    await manager.close();
  });
});
