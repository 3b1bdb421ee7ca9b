import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface AppConfig {
  nodeEnv: string;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  smtpUrl: string | null;
  mailFrom: string;
  appUrl: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  adminEmail: string | null;
  adminPassword: string | null;
  seedDemo: boolean;
  /** Where development state (generated secret, .eml files) lives. */
  varDir: string;
  /** Built dashboard to serve at `/`, if present. */
  dashboardDir: string | null;
}

/** A start-up configuration problem: its message is the one line the operator sees. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Configuration error: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parseUrl(env: Env, name: string, fallback: string, protocols: string[]): string {
  const raw = read(env, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL ("${raw}"); expected e.g. ${fallback}`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(
      name,
      `must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${raw}")`,
    );
  }
  return raw;
}

function parsePort(env: Env): number {
  const raw = read(env, 'PORT') ?? '3000';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError('PORT', `must be a whole number from 1 to 65535 (got "${raw}")`);
  }
  return port;
}

function parseBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function jwtSecretFrom(env: Env, production: boolean, varDir: string): string {
  const given = read(env, 'JWT_SECRET');
  if (given !== undefined) {
    if (given.length < 16) {
      throw new ConfigError('JWT_SECRET', 'must be at least 16 characters long');
    }
    return given;
  }
  if (production) {
    throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
  }
  // Development: one generated secret, kept so tokens survive a restart.
  const file = join(varDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Reads and validates the environment once, at start. A bad value throws a
 * ConfigError whose message names the variable, so the process can exit
 * with exactly one clear line.
 */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const nodeEnv = read(env, 'NODE_ENV') ?? 'development';
  const production = nodeEnv === 'production';
  const varDir = read(env, 'STINT_VAR_DIR') ?? join(cwd, 'var');

  const queuePrefix = read(env, 'QUEUE_PREFIX') ?? 'stint';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(queuePrefix)) {
    throw new ConfigError('QUEUE_PREFIX', 'may hold only letters, digits, "_", "." and "-" (1–64 characters)');
  }
  const smtpRaw = read(env, 'SMTP_URL');
  const smtpUrl = smtpRaw === undefined ? null : parseUrl(env, 'SMTP_URL', 'smtp://localhost:1025', ['smtp:', 'smtps:']);
  const appUrl = parseUrl(env, 'APP_URL', 'http://localhost:3000', ['http:', 'https:']).replace(/\/+$/, '');

  const jwtExpiresIn = read(env, 'JWT_EXPIRES_IN') ?? '12h';
  if (!/^\d+[smhd]?$/.test(jwtExpiresIn)) {
    throw new ConfigError('JWT_EXPIRES_IN', `must be a duration like 12h, 30m or 3600 (got "${jwtExpiresIn}")`);
  }

  let adminEmail = read(env, 'ADMIN_EMAIL') ?? null;
  let adminPassword = read(env, 'ADMIN_PASSWORD') ?? null;
  if (!production) {
    adminEmail ??= 'admin@stint.local';
    adminPassword ??= 'admin';
  }
  if (adminEmail !== null && !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', `is not an email address (got "${adminEmail}")`);
  }

  const dashboardDir = read(env, 'DASHBOARD_DIR') ?? join(cwd, 'dist', 'apps', 'dashboard', 'browser');

  return {
    nodeEnv,
    port: parsePort(env),
    databaseUrl: parseUrl(env, 'DATABASE_URL', 'postgres://postgres@localhost:5432/stint', ['postgres:', 'postgresql:']),
    redisUrl: parseUrl(env, 'REDIS_URL', 'redis://localhost:6379', ['redis:', 'rediss:']),
    queuePrefix,
    smtpUrl,
    mailFrom: read(env, 'MAIL_FROM') ?? 'Stint <stint@localhost>',
    appUrl,
    jwtSecret: jwtSecretFrom(env, production, varDir),
    jwtExpiresIn,
    adminEmail,
    adminPassword,
    seedDemo: parseBoolean(env, 'SEED_DEMO', false),
    varDir,
    dashboardDir: existsSync(join(dashboardDir, 'index.html')) ? dashboardDir : null,
  };
}

/** Loads the configuration, or prints the one line naming the bad variable and exits. */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');
