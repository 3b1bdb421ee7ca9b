import type { Page } from '@playwright/test';
import { join } from 'node:path';

const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', '..', 'test-output', 'playwright', 'screens');

/** Saves a full-page screenshot of the current screen under test-output/playwright/screens. */
export async function saveScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export const ADMIN = { email: 'admin@stint.local', password: 'admin' };

/**
 * Waits until an open dialog has finished opening: its animation is over and
 * it has taken focus. Material moves focus into a dialog only then, and text
 * typed before that lands wherever focus is moved to.
 */
export async function dialogSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const dialog = document.querySelector('[role="dialog"], [role="alertdialog"]');
    return (
      !!dialog &&
      dialog.contains(document.activeElement) &&
      document.getAnimations().every((a) => a.playState !== 'running')
    );
  });
}
