import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'stint-config-'));

  it('applies the documented defaults', () => {
    const config = loadConfig({}, cwd);
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: 'postgres://postgres@localhost:5432/stint',
      redisUrl: 'redis://localhost:6379',
      queuePrefix: 'stint',
      smtpUrl: null,
      mailFrom: 'Stint <stint@localhost>',
      appUrl: 'http://localhost:3000',
      adminEmail: 'admin@stint.local',
      adminPassword: 'admin',
      seedDemo: false,
      metricsVersionInfo: false,
      jwtExpiresIn: 12 * 3600,
      trustProxy: false,
    });
  });

  it('generates a development JWT secret once and keeps it under var/', () => {
    const first = loadConfig({}, cwd).jwtSecret;
    expect(first).toHaveLength(64);
    expect(readFileSync(join(cwd, 'var', 'jwt-secret'), 'utf8')).toBe(first);
    expect(loadConfig({}, cwd).jwtSecret).toBe(first);
  });

  it.each([
    ['DATABASE_URL', 'not a url', /DATABASE_URL is not a valid URL/],
    ['DATABASE_URL', 'mysql://localhost/stint', /DATABASE_URL must start with postgres:\/\//],
    ['REDIS_URL', 'http://localhost:6379', /REDIS_URL must start with redis:\/\//],
    ['PORT', '70000', /PORT must be a whole number/],
    ['PORT', 'abc', /PORT must be a whole number/],
    ['SEED_DEMO', 'maybe', /SEED_DEMO must be true or false/],
    ['QUEUE_PREFIX', 'has space', /QUEUE_PREFIX may hold only/],
    ['SMTP_URL', 'localhost:1025', /SMTP_URL must start with smtp:\/\//],
    ['ADMIN_EMAIL', 'nobody', /ADMIN_EMAIL is not an email address/],
    ['METRICS_VERSION_INFO', 'sometimes', /METRICS_VERSION_INFO must be true or false/],
    [
      'TRUST_PROXY',
      'yes please',
      /TRUST_PROXY must be true, false, a number of proxy hops, or a comma-separated list .*\(got "yes please"\)/,
    ],
    ['TRUST_PROXY', '10.0.0.0/33', /TRUST_PROXY must be .*\(got "10.0.0.0\/33"\)/],
    ['TRUST_PROXY', '10.0.0.1, proxy.internal', /TRUST_PROXY must be .*\(got "proxy.internal"\)/],
    ['TRUST_PROXY', '10.0.0.1,,10.0.0.2', /TRUST_PROXY must be .*\(got "10.0.0.1,,10.0.0.2"\)/],
    ['TRUST_PROXY', '-1', /TRUST_PROXY must be /],
    ['TRUST_PROXY', '999.1.1.1', /TRUST_PROXY must be .*\(got "999.1.1.1"\)/],
  ])('rejects %s=%s with one line naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value }, cwd)).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, cwd)).toThrow(message);
  });

  it('requires JWT_SECRET in production and does not default the admin there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, cwd)).toThrow(
      'Configuration error: JWT_SECRET is required when NODE_ENV=production',
    );
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, cwd);
    expect(config.adminEmail).toBeNull();
    expect(config.adminPassword).toBeNull();
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['FALSE', false],
    ['0', false],
    ['true', true],
    ['1', 1],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    [' 10.0.0.0/8 , 2001:db8::/32,loopback ', ['10.0.0.0/8', '2001:db8::/32', 'loopback']],
    ['::1', ['::1']],
  ])('reads TRUST_PROXY=%s as %j', (value, expected) => {
    const env = value === undefined ? {} : { TRUST_PROXY: value };
    expect(loadConfig(env, cwd).trustProxy).toEqual(expected);
  });

  it('the TRUST_PROXY error is one line', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' }, cwd)).toThrow(
      'Configuration error: TRUST_PROXY must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs (got "maybe")',
    );
  });

  describe('in production (safe defaults)', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    const strongPassword = 'correct-horse-battery-staple';

    it('accepts an admin with a strong password', () => {
      const config = loadConfig({ ...production, ADMIN_EMAIL: 'ops@example.com', ADMIN_PASSWORD: strongPassword }, cwd);
      expect(config).toMatchObject({ adminEmail: 'ops@example.com', adminPassword: strongPassword, seedDemo: false });
    });

    it('refuses ADMIN_EMAIL without ADMIN_PASSWORD, in one line naming the variable', () => {
      expect(() => loadConfig({ ...production, ADMIN_EMAIL: 'ops@example.com' }, cwd)).toThrow(
        'Configuration error: ADMIN_PASSWORD is required when ADMIN_EMAIL is set and NODE_ENV=production',
      );
    });

    it.each(['admin', 'Admin', 'short-pass1', 'x'.repeat(11), 'adminadminadmin', 'PASSWORD1234'])(
      'refuses the weak ADMIN_PASSWORD %s',
      (password) => {
        const run = () => loadConfig({ ...production, ADMIN_EMAIL: 'ops@example.com', ADMIN_PASSWORD: password }, cwd);
        expect(run).toThrow(ConfigError);
        expect(run).toThrow(
          /^Configuration error: ADMIN_PASSWORD is too weak for NODE_ENV=production: use at least 12 characters/,
        );
      },
    );

    it('keeps the development defaults outside production', () => {
      expect(loadConfig({ ADMIN_PASSWORD: 'admin', SEED_DEMO: 'true' }, cwd)).toMatchObject({
        adminPassword: 'admin',
        seedDemo: true,
      });
    });

    it('refuses SEED_DEMO=true (the demo users share a published password)', () => {
      expect(() => loadConfig({ ...production, SEED_DEMO: 'true' }, cwd)).toThrow(
        'Configuration error: SEED_DEMO must not be true when NODE_ENV=production',
      );
      expect(loadConfig({ ...production, SEED_DEMO: 'false' }, cwd).seedDemo).toBe(false);
    });

    it('refuses the JWT secret the old docker-compose.yml published', () => {
      expect(() => loadConfig({ ...production, JWT_SECRET: 'dev-only-insecure-jwt-secret-do-not-use' }, cwd)).toThrow(
        /^Configuration error: JWT_SECRET is a published default/,
      );
    });

    it('says what is wrong in one line without echoing the password', () => {
      const run = () =>
        loadConfig({ ...production, ADMIN_EMAIL: 'ops@example.com', ADMIN_PASSWORD: 'secret-ish' }, cwd);
      expect(run).toThrow(ConfigError);
      expect(run).not.toThrow(/secret-ish|\n/);
    });
  });

  it('leaves the runtime version out of /api/metrics unless METRICS_VERSION_INFO=true', () => {
    expect(loadConfig({}, cwd).metricsVersionInfo).toBe(false);
    expect(loadConfig({ METRICS_VERSION_INFO: 'true' }, cwd).metricsVersionInfo).toBe(true);
  });

  it('strips a trailing slash from APP_URL so links join cleanly', () => {
    expect(loadConfig({ APP_URL: 'https://stint.example.com/' }, cwd).appUrl).toBe('https://stint.example.com');
  });

  it.each([
    ['3600', 3600],
    ['45s', 45],
    ['30m', 1800],
    ['12h', 43_200],
    ['7d', 604_800],
    [' 2H ', 7200],
  ])('reads JWT_EXPIRES_IN=%s as %i seconds (a bare number is seconds, not milliseconds)', (value, seconds) => {
    expect(loadConfig({ JWT_EXPIRES_IN: value }, cwd).jwtExpiresIn).toBe(seconds);
  });

  it.each(['0', '0h', '-5', '1.5h', '12 h', '3w', 'soon', '9'.repeat(20)])(
    'rejects JWT_EXPIRES_IN=%s with one line',
    (value) => {
      expect(() => loadConfig({ JWT_EXPIRES_IN: value }, cwd)).toThrow(ConfigError);
      expect(() => loadConfig({ JWT_EXPIRES_IN: value }, cwd)).toThrow(
        `Configuration error: JWT_EXPIRES_IN must be a duration like 30m, 12h, 7d or 3600 (seconds) (got "${value.trim()}")`,
      );
    },
  );

  describe('single sign-on (OIDC_*, PASSWORD_LOGIN)', () => {
    const oidc = { OIDC_ISSUER: 'https://login.example.com/', OIDC_CLIENT_ID: 'stint' };

    it('is off by default, with passwords on', () => {
      expect(loadConfig({}, cwd)).toMatchObject({ oidc: null, passwordLogin: true });
    });

    it('reads the provider, with defaults for the scopes and the button name', () => {
      const config = loadConfig(
        { ...oidc, OIDC_ROLE_CLAIM: 'groups', OIDC_ADMIN_VALUES: 'ops, it-admins', OIDC_MANAGER_VALUES: 'leads' },
        cwd,
      );
      expect(config.oidc).toEqual({
        issuer: 'https://login.example.com',
        clientId: 'stint',
        clientSecret: null,
        scopes: 'openid email profile',
        name: 'login.example.com',
        roleClaim: 'groups',
        adminValues: ['ops', 'it-admins'],
        managerValues: ['leads'],
      });
      expect(loadConfig({ ...oidc, PASSWORD_LOGIN: 'false' }, cwd).passwordLogin).toBe(false);
    });

    it.each([
      [{ OIDC_ISSUER: 'https://login.example.com' }, /OIDC_CLIENT_ID is required when OIDC_ISSUER is set/],
      [{ ...oidc, OIDC_ISSUER: 'http://login.example.com' }, /OIDC_ISSUER must be an https:\/\/ URL/],
      [{ ...oidc, OIDC_ISSUER: 'not a url' }, /OIDC_ISSUER is not a valid URL/],
      [{ ...oidc, OIDC_SCOPES: 'email profile' }, /OIDC_SCOPES must include "openid"/],
      [{ PASSWORD_LOGIN: 'false' }, /PASSWORD_LOGIN can be false only when OIDC_ISSUER is set/],
    ])('refuses %j with one line', (env, message) => {
      expect(() => loadConfig(env, cwd)).toThrow(message);
    });

    it('allows plain http only for a provider on this machine', () => {
      expect(loadConfig({ ...oidc, OIDC_ISSUER: 'http://localhost:3310' }, cwd).oidc?.issuer).toBe(
        'http://localhost:3310',
      );
    });
  });
});
