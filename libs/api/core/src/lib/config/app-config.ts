import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { OidcConfig, readOidcConfig } from './oidc-config';

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
  /** Access-token lifetime in seconds (also the session cookie's Max-Age). */
  jwtExpiresIn: number;
  adminEmail: string | null;
  adminPassword: string | null;
  seedDemo: boolean;
  /** Whether /api/metrics shows the runtime's version (stint_nodejs_version_info); off by default. */
  metricsVersionInfo: boolean;
  /** Where development state (generated secret, .eml files) lives. */
  varDir: string;
  /** Built dashboard to serve at `/`, if present. */
  dashboardDir: string | null;
  /**
   * Which proxies' X-Forwarded-For to believe when working out the client
   * address (request.ip), which sign-in limits count by: false (the default)
   * uses the socket address; a number trusts that many hops; a list trusts
   * those proxy addresses/CIDRs; true trusts every hop (only behind a proxy
   * that overwrites the header).
   */
  trustProxy: boolean | number | string[];
  /** Single sign-on (OIDC_*), or null when OIDC_ISSUER is unset. */
  oidc: OidcConfig | null;
  /** PASSWORD_LOGIN: whether email-and-password sign-in is offered (default true). */
  passwordLogin: boolean;
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
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${raw}")`);
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

/** proxy-addr's named ranges, accepted in a TRUST_PROXY list. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGES.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: unset or false (default), true, a hop count (0–99), or a
 * comma-separated list of proxy addresses, CIDRs and the names loopback,
 * linklocal, uniquelocal.
 */
function parseTrustProxy(env: Env): boolean | number | string[] {
  const raw = read(env, 'TRUST_PROXY');
  if (raw === undefined || raw.toLowerCase() === 'false') return false;
  if (raw.toLowerCase() === 'true') return true;
  if (/^\d{1,2}$/.test(raw)) return Number(raw) === 0 ? false : Number(raw);
  const entries = raw.split(',').map((e) => e.trim());
  const bad = entries.find((e) => !isProxyEntry(e));
  if (bad !== undefined) {
    throw new ConfigError(
      'TRUST_PROXY',
      `must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs (got "${bad === '' ? raw : bad}")`,
    );
  }
  return entries;
}

/** Secrets that were once published (old docker-compose.yml defaults): never accepted in production. */
const PUBLISHED_JWT_SECRETS = ['dev-only-insecure-jwt-secret-do-not-use'];

/** The shortest ADMIN_PASSWORD accepted in production. */
export const MIN_PRODUCTION_ADMIN_PASSWORD_LENGTH = 12;

/** Default or placeholder passwords refused in production, whatever their length (compared case-insensitively). */
const WEAK_ADMIN_PASSWORDS = [
  'admin',
  'password',
  'changeme',
  'change-me',
  'adminadminadmin',
  'administrator',
  'password1234',
  '123456789012',
];

function jwtSecretFrom(env: Env, production: boolean, varDir: string): string {
  const given = read(env, 'JWT_SECRET');
  if (given !== undefined) {
    if (given.length < 16) {
      throw new ConfigError('JWT_SECRET', 'must be at least 16 characters long');
    }
    if (production && PUBLISHED_JWT_SECRETS.includes(given)) {
      throw new ConfigError('JWT_SECRET', 'is a published default; generate one (e.g. openssl rand -hex 32)');
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

const DURATION_UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * A duration in seconds: `30m`, `12h`, `7d`, `45s`, or a bare number of
 * seconds (`3600` is one hour). Converted here because jsonwebtoken reads a
 * numeric string as milliseconds, so `"3600"` would last 3.6 s.
 */
function parseDuration(env: Env, name: string, fallback: string): number {
  const raw = read(env, name) ?? fallback;
  const match = /^(\d+)([smhd]?)$/i.exec(raw);
  const seconds = match ? Number(match[1]) * (DURATION_UNIT_SECONDS[(match[2] ?? '').toLowerCase()] ?? 1) : NaN;
  if (!Number.isSafeInteger(seconds) || seconds < 1) {
    throw new ConfigError(name, `must be a duration like 30m, 12h, 7d or 3600 (seconds) (got "${raw}")`);
  }
  return seconds;
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
  const smtpUrl =
    smtpRaw === undefined ? null : parseUrl(env, 'SMTP_URL', 'smtp://localhost:1025', ['smtp:', 'smtps:']);
  const appUrl = parseUrl(env, 'APP_URL', 'http://localhost:3000', ['http:', 'https:']).replace(/\/+$/, '');

  const jwtExpiresIn = parseDuration(env, 'JWT_EXPIRES_IN', '12h');

  let adminEmail = read(env, 'ADMIN_EMAIL') ?? null;
  let adminPassword = read(env, 'ADMIN_PASSWORD') ?? null;
  if (!production) {
    adminEmail ??= 'admin@stint.local';
    adminPassword ??= 'admin';
  }
  if (adminEmail !== null && !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', `is not an email address (got "${adminEmail}")`);
  }
  if (production && adminEmail !== null) {
    if (adminPassword === null) {
      throw new ConfigError('ADMIN_PASSWORD', 'is required when ADMIN_EMAIL is set and NODE_ENV=production');
    }
    if (
      adminPassword.length < MIN_PRODUCTION_ADMIN_PASSWORD_LENGTH ||
      WEAK_ADMIN_PASSWORDS.includes(adminPassword.toLowerCase())
    ) {
      throw new ConfigError(
        'ADMIN_PASSWORD',
        `is too weak for NODE_ENV=production: use at least ${MIN_PRODUCTION_ADMIN_PASSWORD_LENGTH} characters and no default (e.g. openssl rand -base64 18)`,
      );
    }
  }
  const seedDemo = parseBoolean(env, 'SEED_DEMO', false);
  if (production && seedDemo) {
    throw new ConfigError('SEED_DEMO', 'must not be true when NODE_ENV=production (the demo has known passwords)');
  }

  const oidc = readOidcConfig(env);
  if (oidc && 'variable' in oidc) throw new ConfigError(oidc.variable, oidc.detail);
  const passwordLogin = parseBoolean(env, 'PASSWORD_LOGIN', true);
  if (!passwordLogin && !oidc) {
    throw new ConfigError('PASSWORD_LOGIN', 'can be false only when OIDC_ISSUER is set (nobody could sign in)');
  }

  const dashboardDir = read(env, 'DASHBOARD_DIR') ?? join(cwd, 'dist', 'apps', 'dashboard', 'browser');

  return {
    nodeEnv,
    port: parsePort(env),
    databaseUrl: parseUrl(env, 'DATABASE_URL', 'postgres://postgres@localhost:5432/stint', [
      'postgres:',
      'postgresql:',
    ]),
    redisUrl: parseUrl(env, 'REDIS_URL', 'redis://localhost:6379', ['redis:', 'rediss:']),
    queuePrefix,
    smtpUrl,
    mailFrom: read(env, 'MAIL_FROM') ?? 'Stint <stint@localhost>',
    appUrl,
    jwtSecret: jwtSecretFrom(env, production, varDir),
    jwtExpiresIn,
    adminEmail,
    adminPassword,
    seedDemo,
    metricsVersionInfo: parseBoolean(env, 'METRICS_VERSION_INFO', false),
    varDir,
    dashboardDir: existsSync(join(dashboardDir, 'index.html')) ? dashboardDir : null,
    trustProxy: parseTrustProxy(env),
    oidc,
    passwordLogin,
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
