import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

/*
 * Browser tests drive Debian's Chromium against the built system (API +
 * worker + dashboard) started by Playwright on its own port, database and
 * queue prefix; global-teardown drops them. Build first: `npm test` does.
 */
const workspaceRoot = join(__dirname, '..', '..');
process.env['E2E_RUN_ID'] ??= `${Date.now().toString(36)}_${process.pid}`;
const runId = process.env['E2E_RUN_ID'];
const port = Number(process.env['E2E_PORT'] ?? 3300);
const baseURL = `http://localhost:${port}`;
const databaseUrl = process.env['E2E_DATABASE_URL'] ?? `postgres://postgres@localhost:5432/stint_e2e_${runId}`;
process.env['E2E_DATABASE_URL'] = databaseUrl;
process.env['E2E_QUEUE_PREFIX'] ??= `stint-e2e-${runId}`;
// A real OpenID Connect provider on this machine (tools/oidc-dev-provider.mjs), for the single sign-on test.
const oidcPort = Number(process.env['E2E_OIDC_PORT'] ?? 3310);
export const OIDC_ISSUER = `http://localhost:${oidcPort}`;

export default defineConfig({
  testDir: './src',
  // Per run, so two runs on one machine never delete each other's traces.
  outputDir: join(workspaceRoot, 'test-output', 'playwright', `results-${runId}`),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { outputFolder: join(workspaceRoot, 'test-output', 'playwright', 'report'), open: 'never' }],
  ],
  globalTeardown: './src/support/global-teardown.ts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    // A click or fill that cannot happen fails on its own, naming the action, rather than as the test's timeout.
    actionTimeout: 30_000,
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 800 },
    // The browser's language decides how dates read for users without a locale preference; pin it.
    locale: 'en-GB',
  },
  webServer: [
    {
      command: 'node tools/oidc-dev-provider.mjs',
      cwd: workspaceRoot,
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'ignore',
      env: {
        OIDC_DEV_PORT: String(oidcPort),
        OIDC_DEV_CLIENT_ID: 'stint-e2e',
        OIDC_DEV_CLIENT_SECRET: 'stint-e2e-secret',
        OIDC_DEV_REDIRECT_URIS: `${baseURL}/api/auth/oidc/callback`,
      },
    },
    {
      command: 'node tools/start.mjs --no-build',
      cwd: workspaceRoot,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        QUEUE_PREFIX: process.env['E2E_QUEUE_PREFIX'],
        APP_URL: baseURL,
        LOG_LEVEL: 'warn',
        STINT_VAR_DIR: join(workspaceRoot, 'test-output', 'var', runId),
        SEED_DEMO: process.env['E2E_SEED_DEMO'] ?? 'true',
        OIDC_ISSUER,
        OIDC_CLIENT_ID: 'stint-e2e',
        OIDC_CLIENT_SECRET: 'stint-e2e-secret',
        OIDC_NAME: 'Example SSO',
        OIDC_ROLE_CLAIM: 'groups',
        OIDC_ADMIN_VALUES: 'stint-admins',
        OIDC_MANAGER_VALUES: 'sales-leads',
      },
    },
  ],
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
