import { expect, test } from '@playwright/test';
import { signIn } from './support/demo';
import { ADMIN } from './support/screens';
import { expectAccessible } from './support/self-service-screens';

/* The admin's audit trail, read in words over the demo seed's history; the raw JSON behind a toggle. */

test('an admin reads the audit trail in words and opens an entry to see its JSON', async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/admin/audit?entityType=rotation_request');
  const table = page.getByTestId('audit-table');
  const sentences = table.getByTestId('audit-summary');
  await expect(sentences.first()).toBeVisible();

  // The seed's history: a line manager released a PM's request for a team, dates in words.
  const released = sentences.filter({ hasText: / released .+'s request for .+, \w{3}, \d{1,2} \w{3} \d{4}/ });
  await expect(released.first()).toBeVisible();
  for (const text of await sentences.allInnerTexts()) {
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  }
  // The time in the viewer's zone, the zone named ("Tue 12 Jan 2027, 10:00 UTC").
  await expect(table.getByRole('row').nth(1)).toContainText(/\d{1,2}:\d{2}( [AP]M)? [A-Z]/);

  const row = table
    .getByRole('row')
    .filter({ hasText: / released .+'s request for / })
    .first();
  const toggle = row.getByRole('button', { name: 'Show details' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(row.getByTestId('audit-details')).toHaveCount(0);
  await toggle.click();
  await expect(row.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
  await expect(row.getByTestId('audit-details')).toContainText('"action": "request.released"');
  await expectAccessible(page, 'admin audit in words');

  await row.getByRole('button', { name: 'Hide details' }).click();
  await expect(row.getByTestId('audit-details')).toHaveCount(0);
});
