import { expect, test } from '@playwright/test';
import { apiLogin, call, CheckInView } from './support/admin-api';
import { MARIA, signIn } from './support/demo';
import { screen } from './support/manager-screens';

/*
 * Outcomes (issue 15) over the demo seed's two years of history: Insights answers "how long?" first, with intervals
 * and sample sizes from three viewpoints; and a line manager gives the pulse after return from the check-in link
 * its emails carry (Lena's pulse, which the seed leaves open for Maria, her line manager).
 */

test.describe('outcomes', () => {
  test('Insights answers how long a rotation should be, with intervals and sample sizes from three viewpoints', async ({
    page,
  }) => {
    await signIn(page, MARIA);
    await page.getByRole('link', { name: 'Insights' }).click();
    const headline = page.getByRole('region', { name: 'How long should a rotation be?' });
    await expect(headline).toBeVisible();
    await expect(page.getByTestId('statement')).toContainText('4-week rotations show the largest gain: +');
    await expect(page.getByTestId('statement')).toContainText(/95% CI \d\.\d–\d\.\d, \d+ rotations/);
    await expect(page.getByTestId('basis')).toContainText('all three viewpoints');
    // Every length's bars carry their interval and sample size, for the PM, the host and the line manager.
    const gains = page.getByTestId('duration-gains');
    await expect(gains).toContainText('95% CI');
    await expect(gains).toContainText('n = ');
    for (const viewpoint of [/self/i, /host/i, /pulse/i]) await expect(gains).toContainText(viewpoint);
    await screen(page, 'insights-outcomes');

    // Narrowed to a period with no finished rotation, it says plainly what is missing instead of drawing a line.
    const future = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/insights?from=${future}`);
    await expect(page.getByTestId('headline')).toContainText('Not enough evidence yet');
  });

  test('the line manager gives the pulse from the link in its emails, once', async ({ page, request }) => {
    const maria = await apiLogin(request, MARIA);
    const overdue = await call<{ items: Array<CheckInView & { owner: string }> }>(
      request,
      maria,
      'get',
      '/api/check-ins?status=overdue&pageSize=200',
    );
    const pulse = overdue.items.find((c) => c.kind === 'pulse');
    expect(pulse, 'the seed leaves Lena’s pulse open for Maria').toBeTruthy();
    expect(pulse?.owner).toBe('line_manager');

    await signIn(page, MARIA);
    // The pulse email's button links to APP_URL/check-ins/<id>.
    await page.goto(`/check-ins/${pulse?.id}`);
    await expect(page.getByRole('heading', { name: 'Pulse after return', level: 1 })).toBeVisible();
    const form = page.getByRole('form', { name: /^Your pulse on / });
    await expect(form).toBeVisible();
    for (const [skill, rating] of [
      ['negotiation', '4'],
      ['closing', '3'],
      ['persistence', '4'],
    ]) {
      await form
        .getByRole('radiogroup', { name: new RegExp(`apply ${skill} now\\?$`) })
        .getByRole('radio', { name: rating, exact: true })
        .check();
    }
    await form
      .getByRole('radiogroup', { name: 'Would you send another PM on a rotation?' })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await form.getByRole('textbox', { name: 'Comment' }).fill('Pricing conversations with customers go much better.');
    await screen(page, 'pulse-form');
    await form.getByRole('button', { name: 'Save pulse' }).click();

    await expect(page.getByText('Would send another PM on a rotation: Yes')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save pulse' })).toHaveCount(0);
    const saved = await call<CheckInView & { wouldSendAgain: boolean | null }>(
      request,
      maria,
      'get',
      `/api/check-ins/${pulse?.id}`,
    );
    expect(saved).toMatchObject({
      status: 'completed',
      ratings: { negotiation: 4, closing: 3, persistence: 4 },
      wouldSendAgain: true,
    });
    // Given once: a second answer is refused.
    await call(
      request,
      maria,
      'post',
      `/api/check-ins/${pulse?.id}/pulse`,
      {
        ratings: { negotiation: 5, closing: 5, persistence: 5 },
        wouldSendAgain: false,
        comment: 'again',
      },
      [409],
    );
  });
});
