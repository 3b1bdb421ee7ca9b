import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { apiLogin, createPm, run } from './support/admin-api';
import { signIn } from './support/demo';
import { csvFile, readFeed } from './support/identity';
import { ADMIN, dialogSettled, saveScreen } from './support/screens';
import { expectAccessible } from './support/self-service-screens';

/*
 * Identity (issue 16) in the browser: an admin imports users from a CSV file (checked first, problems by line,
 * then imported), and a user subscribes to their own calendar feed and replaces its link.
 */

const USERS_HEADER = 'email,name,role,managerEmail,timezone,locale';

test.describe('identity', () => {
  test('an admin checks a users file, fixes it, imports it, and finds the new user', async ({ page }) => {
    test.setTimeout(120_000);
    const first = `e2e.import.one.${run}@stint.local`;
    const second = `e2e.import.two.${run}@stint.local`;
    const row = (email: string, name: string) => [
      email,
      name,
      'pm',
      'maria.manager@stint.local',
      'Europe/Lisbon',
      'pt-PT',
    ];
    await signIn(page, ADMIN.email, ADMIN.password);

    await page.getByRole('link', { name: 'Import' }).click();
    await expect(page).toHaveURL(/\/admin\/import$/);
    await expect(page.getByRole('heading', { name: 'Import', level: 1 })).toBeVisible();
    await page.getByRole('radio', { name: 'Users' }).click();
    await expect(page.getByRole('radio', { name: 'Users' })).toHaveAttribute('aria-checked', 'true');

    // The template is made in the browser and saved under its own name.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download users template' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('stint-users-template.csv');
    expect(readFileSync(await download.path(), 'utf8')).toMatch(new RegExp(`^${USERS_HEADER}\\n`));

    // A file over 5 MB is refused before anything is sent.
    await page.getByTestId('import-file').setInputFiles({
      name: 'huge.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 'a'),
    });
    await expect(page.getByTestId('import-file-problem')).toContainText('huge.csv is too large');
    await expect(page.getByRole('button', { name: 'Check file' })).toBeDisabled();

    // One bad row: the check names it by line, and the import stays off.
    const bad = [row(first, `E2E Import One ${run}`), row('not-an-email', `E2E Import Two ${run}`)];
    await page.getByTestId('import-file').setInputFiles(csvFile('people.csv', USERS_HEADER, bad));
    await expect(page.getByTestId('import-file-name')).toContainText('people.csv');
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(page.getByTestId('import-error-summary')).toContainText('1 problem on 1 line.');
    // The header is line 1, so the second data row is line 3.
    const problems = page.getByTestId('import-errors-table').getByRole('row');
    await expect(problems).toHaveCount(2);
    await expect(problems.nth(1).getByRole('cell')).toHaveText(['3', 'email', /email/]);
    await expect(page.getByTestId('run-import')).toBeDisabled();
    await saveScreen(page, 'admin-import-problems');
    await expectAccessible(page, 'admin import with problems');

    // The fixed file: a clean check, then the import of exactly what was checked.
    const good = [row(first, `E2E Import One ${run}`), row(second, `E2E Import Two ${run}`)];
    await page.getByTestId('import-file').setInputFiles(csvFile('people-fixed.csv', USERS_HEADER, good));
    await expect(page.getByTestId('import-report')).toHaveCount(0);
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(page.getByTestId('import-check-summary')).toHaveText(
      'No problems found: importing would create 2, update 0 and leave 0 unchanged.',
    );
    await expect(page.getByTestId('run-import')).toHaveText('Import 2 rows');
    await page.getByTestId('run-import').click();
    await expect(page.getByTestId('import-result')).toHaveText('Imported: 2 created, 0 updated, 0 unchanged.');
    await expect(page.getByTestId('run-import')).toBeDisabled();
    await saveScreen(page, 'admin-import-done');

    // The new user is in Admin → Users.
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('Search name or email').fill(second);
    const user = page.getByTestId('users-table').getByRole('row').filter({ hasText: second });
    await expect(user).toContainText(`E2E Import Two ${run}`);
    await expect(user).toContainText('Maria Schneider');
    await expect(user).toContainText('Europe/Lisbon');
  });

  test('a user makes their calendar link, subscribes with it, and replaces it', async ({ page, request }) => {
    test.setTimeout(90_000);
    const pm = await createPm(request, await apiLogin(request, ADMIN.email, ADMIN.password), 'feed');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, pm.email, pm.password);

    await expect(page.getByTestId('profile')).toContainText(pm.email);
    // What needs her loads above the card and pushes it down; click once the home has settled.
    await expect(page.getByTestId('today-nothing')).toBeVisible();
    const card = page.getByTestId('calendar-feed');
    await expect(card).toContainText('Subscribe to your rotations and check-ins in your own calendar.');
    await card.getByRole('button', { name: 'Create calendar link' }).click();
    const link = card.getByLabel('Your calendar link');
    await expect(link).toHaveValue(/^https?:\/\/.+\/api\/calendar\/[\w-]+\.ics$/);
    const url = await link.inputValue();
    await expect(card.getByRole('link', { name: 'Open in calendar app' })).toHaveAttribute(
      'href',
      url.replace(/^https?:\/\//, 'webcal://'),
    );
    await expect(card).toContainText('Keep this link private: anyone with it can see your rotations.');
    await saveScreen(page, 'home-calendar-feed');
    await expectAccessible(page, 'home with a calendar link');

    expect(await readFeed(page.request, url, 200)).toContain('BEGIN:VCALENDAR');

    await card.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText('Link copied')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    // A new link, once confirmed: the old one stops working at once.
    await card.getByRole('button', { name: 'Make a new link' }).click();
    await dialogSettled(page);
    const confirm = page.getByRole('alertdialog');
    await expect(confirm).toContainText('stops working at once');
    await confirm.getByRole('button', { name: 'Make a new link' }).click();
    await expect(link).not.toHaveValue(url);
    const renewed = await link.inputValue();
    expect(renewed).toMatch(/\/api\/calendar\/[\w-]+\.ics$/);
    await readFeed(page.request, url, 404);
    expect(await readFeed(page.request, renewed, 200)).toContain('BEGIN:VCALENDAR');
  });
});
