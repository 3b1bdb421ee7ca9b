import { expect, test } from '@playwright/test';
import { apiLogin, call, createPm, isoDay, run } from './support/admin-api';
import { MARIA, SAM, signIn } from './support/demo';
import { ADMIN, dialogSettled, saveScreen } from './support/screens';
import { choose, expectAccessible, startsWith } from './support/self-service-screens';

/*
 * The programme admin's screens (users, teams, blackouts, policy, emails, queues, audit), and a PM kept out of them.
 * Against the built system with the demo seed; set-up: support/admin-api.ts.
 */

test.describe('programme admin', () => {
  test('an admin manages users and teams, adds a blackout and sees the placements it affects', async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const admin = await apiLogin(request, ADMIN.email, ADMIN.password);
    await signIn(page, ADMIN.email, ADMIN.password);

    // Users: create one with a line manager and a time zone, then find them with the filters kept in the URL.
    await page.getByRole('link', { name: 'Users' }).click();
    await expect(page).toHaveURL(/\/admin\/users/);
    await expect(page.getByTestId('users-table')).toBeVisible();
    await saveScreen(page, 'admin-users');
    await expectAccessible(page, 'admin users');

    const email = `e2e.new.${run}@stint.local`;
    await page.getByRole('button', { name: 'New user' }).click();
    await dialogSettled(page);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill(`E2E New PM ${run}`);
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Password').fill('short');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog.getByText('A PM needs a line manager: pick their manager.')).toBeVisible();
    await expect(dialog.getByText('Password must be at least 8 characters.')).toBeVisible();
    await choose(page, 'Line manager', 'Maria Schneider');
    await dialog.getByLabel('Password').fill('long-enough-password');
    await dialog.getByLabel('Time zone').fill('Europe/Lisbon');
    await saveScreen(page, 'admin-user-dialog');
    await expectAccessible(page, 'admin user dialog');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByText(`E2E New PM ${run} can now sign in`)).toBeVisible();

    await page.getByLabel('Search name or email').fill(email);
    await expect(page).toHaveURL(/[?&]q=e2e\.new\./);
    const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: email });
    await expect(row).toContainText('Maria Schneider');
    await expect(row).toContainText('Europe/Lisbon');
    await row.getByRole('button', { name: /Deactivate/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Deactivate' }).click();
    await expect(row).toContainText('Deactivated');

    // The same email again is a conflict, shown under the email field.
    await page.getByRole('button', { name: 'New user' }).click();
    await dialogSettled(page);
    await dialog.getByLabel('Name').fill('Duplicate');
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Password').fill('long-enough-password');
    await choose(page, 'Role', 'Manager', false, dialog);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect(dialog.getByText(/already exists/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Teams: create one.
    const teamName = `E2E Blackout Team ${run}`;
    await page.getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('button', { name: 'New team' }).click();
    await dialogSettled(page);
    await dialog.getByLabel('Name').fill(teamName);
    await choose(page, 'Manager', 'Sam Whitaker');
    await dialog.getByLabel('Capacity').fill('0');
    await dialog.getByLabel('Region').click();
    await expect(dialog.getByText('Capacity must be at least 1.')).toBeVisible();
    await dialog.getByLabel('Capacity').fill('2');
    await dialog.getByLabel('Region').fill('EMEA');
    await dialog.getByLabel('Segment').fill('E2E');
    await dialog.getByLabel('Time zone').fill('Europe/Berlin');
    await dialog.getByLabel('Holiday country').fill('de');
    await saveScreen(page, 'admin-team-dialog');
    await expectAccessible(page, 'admin team dialog');
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await expect(page.getByText(`${teamName} created with room for 2 PMs a day.`)).toBeVisible();
    await page.getByLabel('Search name, region or segment').fill(teamName);
    const teamRow = page.getByTestId('teams-table').getByRole('row').filter({ hasText: teamName });
    await expect(teamRow).toContainText('Sam Whitaker');
    await expect(teamRow).toContainText('Europe/Berlin · DE');
    await saveScreen(page, 'admin-teams');
    await expectAccessible(page, 'admin teams');

    // A booked placement in that team (set up through the API), so the blackout has something to affect.
    const teams = await call<{ items: Array<{ id: string; name: string }> }>(
      request,
      admin,
      'get',
      `/api/teams?q=${encodeURIComponent(teamName)}`,
    );
    const teamId = teams.items.find((t) => t.name === teamName)?.id ?? '';
    const pm = await createPm(request, admin, 'affected');
    const pmSession = await apiLogin(request, pm.email, pm.password);
    const [slot] = await call<Array<{ startDate: string; endDate: string }>>(
      request,
      pmSession,
      'get',
      `/api/slots?durationWeeks=2&earliestStart=${isoDay(7)}&latestEnd=${isoDay(200)}&teamId=${teamId}&limit=1`,
    );
    expect(slot).toBeTruthy();
    const rotation = await call<{ id: string }>(request, pmSession, 'post', '/api/rotation-requests', {
      teamId,
      startDate: slot?.startDate,
      durationWeeks: 2,
      goals: ['persistence'],
    });
    await call(request, await apiLogin(request, MARIA), 'post', `/api/rotation-requests/${rotation.id}/approve`, {});
    const booked = await call<{ status: string; placementId: string }>(
      request,
      await apiLogin(request, SAM),
      'post',
      `/api/rotation-requests/${rotation.id}/approve`,
      {},
    );
    expect(booked.status).toBe('booked');

    // Blackouts: one on that team over the placement's first days lists it, and is deleted again after a confirmation.
    const reason = `E2E stand-down ${run}`;
    await page.getByRole('link', { name: 'Blackouts' }).click();
    await choose(page, 'Applies to', teamName);
    await page.getByLabel('First day').fill(slot?.startDate ?? '');
    await page.getByLabel('Last day').fill(isoDay(-400));
    await page.getByLabel('Reason').click();
    await expect(page.getByText('The end must be on or after the start.')).toBeVisible();
    const lastDay = new Date(Date.parse(`${slot?.startDate}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Last day').fill(lastDay);
    await page.getByLabel('Reason').fill(reason);
    await page.getByRole('button', { name: 'Add blackout' }).click();
    const result = page.getByTestId('blackout-result');
    await expect(result.getByTestId('affected-count')).toContainText('1 booked placement overlaps it');
    await expect(result.getByTestId('affected-placements')).toContainText(pm.name);
    await expect(result.getByRole('link', { name: new RegExp(pm.name) })).toHaveAttribute(
      'href',
      `/placements/${booked.placementId}`,
    );
    await saveScreen(page, 'admin-blackouts');
    await expectAccessible(page, 'admin blackouts');

    await choose(page, 'Team', `${teamName} and global`);
    await expect(page).toHaveURL(new RegExp(`teamId=${teamId}`));
    const blackoutRow = page.getByTestId('blackouts-table').getByRole('row').filter({ hasText: reason });
    await blackoutRow.getByRole('button', { name: /Delete blackout/ }).click();
    await expect(page.getByRole('alertdialog')).toContainText('Delete this blackout?');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete blackout' }).click();
    await expect(page.getByText('Blackout deleted.')).toBeVisible();
    await expect(blackoutRow).toHaveCount(0);

    // Policy: the editor explains what the API would refuse; nothing is saved (other tests share the policy).
    await page.getByRole('link', { name: 'Policy' }).click();
    await expect(page.getByLabel('Minimum weeks')).not.toHaveValue('');
    await page.getByLabel('Minimum weeks').fill('10');
    await page.getByLabel('Maximum weeks').fill('4');
    await page.getByLabel('Check-in time').fill('25:00');
    await page.getByLabel('Reminder lead (hours)').fill('-1');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await expect(page.getByTestId('max-weeks-error')).toHaveText('Maximum weeks must be at least the minimum (10).');
    await expect(page.getByText('Check-in time must be a 24-hour time written HH:MM, e.g. 10:00.')).toBeVisible();
    await expect(page.getByText('Reminder lead (hours) must be a whole number of hours, 0 or more.')).toBeVisible();
    // Every error, however many lines it takes, stays clear of every other field's box (on a narrow window a
    // three-line error used to run over the label of the field below).
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 820, height: 900 });
    const overlaps = await page.evaluate(() => {
      const fields = [...document.querySelectorAll('mat-form-field')];
      const found: string[] = [];
      for (const error of document.querySelectorAll('mat-error')) {
        const own = error.closest('mat-form-field');
        const e = error.getBoundingClientRect();
        for (const field of fields) {
          if (field === own) continue;
          // The box and its floating label, which sits on the box's top edge and rises above it.
          for (const part of field.querySelectorAll('.mat-mdc-text-field-wrapper, .mdc-floating-label')) {
            const f = part.getBoundingClientRect();
            if (e.left < f.right && f.left < e.right && e.top < f.bottom && f.top < e.bottom)
              found.push(`${error.textContent?.trim()} over ${field.querySelector('mat-label')?.textContent?.trim()}`);
          }
        }
      }
      return found;
    });
    await saveScreen(page, 'admin-policy-narrow');
    if (viewport) await page.setViewportSize(viewport);
    expect(overlaps).toEqual([]);
    await saveScreen(page, 'admin-policy');
    await expectAccessible(page, 'admin policy');
    await page.getByRole('button', { name: 'Undo changes' }).click();
    await expect(page.getByTestId('max-weeks-error')).toHaveCount(0);

    // Email log: the booking's emails are there, filtered by kind and recipient through the URL.
    await page.goto(`/admin/emails?kind=booked&recipient=${encodeURIComponent(pm.email)}`);
    await expect(page.getByRole('combobox', { name: startsWith('Kind') })).toContainText('Booked');
    // The worker records booking emails moments after the booking, so the log is re-read until they appear.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('emails-table').getByRole('row').filter({ hasText: pm.email }).first()).toBeVisible(
        { timeout: 2_000 },
      );
    }).toPass({ timeout: 45_000 });
    await saveScreen(page, 'admin-emails');
    await expectAccessible(page, 'admin emails');

    // The queue monitor opens inside the app, with the admin's session (the API alone would answer 401).
    await page.getByTestId('queue-monitor-link').click();
    await expect(page).toHaveURL(/\/admin\/queues$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Queues' })).toBeVisible();
    await expect(page.getByTestId('worker-status')).toContainText('Up');
    await expect(page.getByTestId('worker-status')).toContainText('Last heartbeat');
    for (const queue of ['reminders', 'email', 'maintenance']) {
      await expect(page.getByTestId('queues-table').getByRole('row').filter({ hasText: queue })).toHaveCount(1);
    }
    await saveScreen(page, 'admin-queues');
    await expectAccessible(page, 'admin queues');

    // Audit trail of the placement's request: who asked, who approved.
    await page.goto(`/admin/audit?entityType=rotation_request&entityId=${rotation.id}`);
    const audit = page.getByTestId('audit-table');
    await expect(audit).toContainText(pm.name);
    await expect(audit).toContainText('Sam Whitaker');
    await saveScreen(page, 'admin-audit');
    await expectAccessible(page, 'admin audit');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/admin/teams');
    await expect(page.getByTestId('teams-table')).toBeVisible();
    await expect(page.locator('mat-sidenav')).toBeHidden();
    await saveScreen(page, 'admin-teams-phone');
  });

  test('a PM cannot reach admin screens, and the API refuses them too', async ({ page, request }) => {
    await signIn(page, 'pm05@stint.local');
    await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
    for (const screen of ['users', 'teams', 'blackouts', 'policy', 'emails', 'audit']) {
      await page.goto(`/admin/${screen}`);
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole('heading', { name: /Welcome, / })).toBeVisible();
    }

    const pm = await apiLogin(request, 'pm05@stint.local');
    const headers = { Authorization: `Bearer ${pm.accessToken}` };
    expect((await request.get('/api/audit', { headers })).status()).toBe(403);
    expect((await request.get('/api/notifications', { headers })).status()).toBe(403);
    expect((await request.get('/api/admin/queues', { headers })).status()).toBe(403);
    expect((await request.put('/api/policy', { headers, data: { maxWeeks: 52 } })).status()).toBe(403);
    expect(
      (
        await request.post('/api/teams', {
          headers,
          data: { name: `Sneaky ${run}`, managerId: pm.user.id, capacity: 1 },
        })
      ).status(),
    ).toBe(403);
    expect(
      (
        await request.post('/api/blackouts', {
          headers,
          data: { teamId: null, startsOn: isoDay(10), endsOn: isoDay(11), reason: 'no' },
        })
      ).status(),
    ).toBe(403);
    const body = (await (await request.get('/api/audit', { headers })).json()) as { code: string };
    expect(body.code).toBe('FORBIDDEN');
  });
});
