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
      jwtExpiresIn: '12h',
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

  it('strips a trailing slash from APP_URL so links join cleanly', () => {
    expect(loadConfig({ APP_URL: 'https://stint.example.com/' }, cwd).appUrl).toBe('https://stint.example.com');
  });
});
