import { expect, test } from '@playwright/test';
import { apiLogin, call, createPm } from './support/admin-api';
import { MARIA, signIn } from './support/demo';
import { screen } from './support/manager-screens';
import { ADMIN, dialogSettled, saveScreen } from './support/screens';

/*
 * Issue 13: each role's home shows what needs them today (GET /api/me/today), each item linking where it is
 * done, and the navigation carries the same counts as badges. The browser's zone (New York) differs from
 * Maria's profile zone (Berlin): the times on her home are Berlin's, and say so.
 */

interface TodayCounts {
  counts: { approvalsAwaitingMe: number; overdueCheckIns: number; checkInsDue: number };
  overdueCheckIns: Array<{ checkInId: string; kind: string; pmName: string; myPart: string }>;
}

test.use({ timezoneId: 'America/New_York' });

test.describe('homes', () => {
  test("a manager's home lists what needs her, in her zone, and the navigation's badges agree with it", async ({
    page,
    request,
  }) => {
    const maria = await apiLogin(request, MARIA);
    const today = await call<TodayCounts>(request, maria, 'get', '/api/me/today');
    expect(today.counts.overdueCheckIns, 'the seed leaves check-ins overdue for Maria').toBeGreaterThan(0);

    await signIn(page, MARIA);
    const overdue = page.getByTestId('today-overdue');
    await expect(overdue).toContainText(`${today.counts.overdueCheckIns} check-in`);
    // Lena's pulse is Maria's to give; its line says so and links to the check-in.
    const pulse = today.overdueCheckIns.find((c) => c.kind === 'pulse');
    expect(pulse?.myPart).toBe('pulse');
    const link = overdue.getByRole('link', { name: `Pulse after return · ${pulse?.pmName}` }).first();
    await expect(link).toBeVisible();
    await expect(overdue).toContainText('Give the pulse');
    // Every time on her home is Berlin's and names it, whatever the browser's zone.
    await expect(overdue.locator('.meta').first()).toHaveText(/\d{2}:\d{2} CES?T/);
    await expect(page.getByTestId('profile')).toContainText('Europe/Berlin');

    await expect(page.getByTestId('badge-overdue')).toContainText(String(today.counts.overdueCheckIns));
    if (today.counts.approvalsAwaitingMe > 0)
      await expect(page.getByTestId('badge-approvals')).toContainText(String(today.counts.approvalsAwaitingMe));
    else await expect(page.getByTestId('badge-approvals')).toHaveCount(0);
    await screen(page, 'home-manager');

    await link.click();
    await expect(page).toHaveURL(new RegExp(`/check-ins/${pulse?.checkInId}$`));
  });

  test("the admin's home shows the operator's figures, each linking to its tool", async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    const operations = page.getByTestId('today-operations');
    await expect(operations).toContainText(/Worker (running|not heard from)/);
    await expect(operations).toContainText(/\d+ emails? failed/);
    await expect(operations).toContainText(/without a line manager/);
    await operations.getByRole('link', { name: /emails? failed/ }).click();
    await expect(page).toHaveURL(/\/admin\/emails/);

    // The email log opens an email as it was sent, in a sandboxed frame.
    const table = page.getByTestId('emails-table');
    const subject = (await table.locator('td').nth(3).textContent())?.trim() ?? '';
    await table.getByTestId('open-email').first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: subject })).toBeVisible();
    const frame = dialog.getByTestId('email-body-frame');
    await expect(frame).toHaveAttribute('sandbox', '');
    await expect(page.frameLocator('[data-testid="email-body-frame"]').locator('body')).not.toBeEmpty();
    // A screenshot only: axe cannot run inside a frame whose sandbox forbids scripts, and would wait for it.
    await saveScreen(page, 'email-preview');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  test('on a phone the drawer closes once a link was followed', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, MARIA);
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav).toBeVisible();
    await nav.getByRole('link', { name: /Approvals/ }).click();
    await expect(page).toHaveURL(/\/approvals$/);
    await expect(nav).toBeHidden();
    await screen(page, 'home-phone-after-navigation');
  });

  test('offline, a navigation says so instead of doing nothing; back online, the banner goes and the page opens', async ({
    page,
    context,
  }) => {
    await signIn(page, MARIA);
    await context.setOffline(true);
    await page.getByRole('link', { name: /Insights/ }).click();
    const banner = page.getByTestId('connection-banner');
    await expect(banner).toContainText(/offline|could not be reached/);
    await context.setOffline(false);
    await page.getByRole('link', { name: /Insights/ }).click();
    await expect(page).toHaveURL(/\/insights/);
    await expect(banner).toBeHidden();
  });

  test('a PM changes their own name, time zone and locale from the home page', async ({ page, request }) => {
    const admin = await apiLogin(request, ADMIN.email, ADMIN.password);
    const pm = await createPm(request, admin, 'profile');
    await signIn(page, pm.email, pm.password);
    // The profile card sits below what needs her, which arrives after the heading and pushes the card down:
    // click once the page has settled, as a user would, so a click never lands where the button just was.
    await expect(page.getByTestId('today-nothing')).toBeVisible();
    await page.getByTestId('edit-profile').click();
    const dialog = page.getByRole('dialog', { name: 'Your profile' });
    await expect(dialog).toBeVisible();
    // The dialog puts the cursor in its first field once it has opened: typing before that lands in the wrong
    // field (CI typed the time zone into Name), and an autocomplete left open then covers Save.
    await dialogSettled(page);
    await dialog.getByLabel('Name').fill('Ana López');
    await dialog.getByLabel('Time zone').fill('America/Sao_Paulo');
    await dialog.getByLabel('Locale').fill('pt-BR');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    const profile = page.getByTestId('profile');
    await expect(profile).toContainText('America/Sao_Paulo');
    await expect(profile).toContainText('pt-BR');
    await expect(page.getByTestId('signed-in-user')).toContainText('Ana López');

    // A bad locale is refused under its field, and nothing changes.
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.getByTestId('edit-profile').click();
    await dialogSettled(page);
    await expect(dialog.getByLabel('Locale')).toHaveValue('pt-BR');
    const locale = dialog.getByRole('textbox', { name: 'Locale' });
    await locale.fill('not a locale!');
    await expect(locale).toHaveValue('not a locale!');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toContainText('Locale must be a language tag');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(profile).toContainText('pt-BR');
    await expect(page.getByTestId('signed-in-user')).toContainText('Ana López ·');
  });
});
