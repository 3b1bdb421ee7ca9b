import type { Page } from '@playwright/test';
import { join } from 'node:path';

const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', '..', 'test-output', 'playwright', 'screens');

/** Saves a full-page screenshot of the current screen under test-output/playwright/screens. */
export async function saveScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export const ADMIN = { email: 'admin@stint.local', password: 'admin' };
