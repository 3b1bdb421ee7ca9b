/** Single sign-on through an OpenID Connect provider (authorization code flow with PKCE). */
export interface OidcConfig {
  /** The issuer; its discovery document is at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE alone). */
  clientSecret: string | null;
  scopes: string;
  /** What the sign-in button says: "Sign in with <name>". */
  name: string;
  /** The ID-token claim holding the user's groups or roles (a string or a list); null leaves roles to Stint. */
  roleClaim: string | null;
  /** Claim values that make an admin, and a manager; anyone else is a PM. */
  adminValues: string[];
  managerValues: string[];
}

type Env = Record<string, string | undefined>;

/** A start-up configuration problem in one of these variables. */
export type OidcConfigProblem = { variable: string; detail: string };

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function list(env: Env, name: string): string[] {
  return (read(env, name) ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Reads the OIDC_* variables: null when OIDC_ISSUER is unset (no single
 * sign-on), or a problem naming the variable that is wrong.
 */
export function readOidcConfig(env: Env): OidcConfig | null | OidcConfigProblem {
  const issuer = read(env, 'OIDC_ISSUER');
  if (issuer === undefined) return null;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return { variable: 'OIDC_ISSUER', detail: `is not a valid URL (got "${issuer}")` };
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { variable: 'OIDC_ISSUER', detail: `must be an https:// URL (http:// only for localhost); got "${issuer}"` };
  }
  const clientId = read(env, 'OIDC_CLIENT_ID');
  if (clientId === undefined) return { variable: 'OIDC_CLIENT_ID', detail: 'is required when OIDC_ISSUER is set' };
  const scopes = read(env, 'OIDC_SCOPES') ?? 'openid email profile';
  if (!scopes.split(/\s+/).includes('openid')) {
    return { variable: 'OIDC_SCOPES', detail: `must include "openid" (got "${scopes}")` };
  }
  return {
    issuer: issuer.replace(/\/+$/, ''),
    clientId,
    clientSecret: read(env, 'OIDC_CLIENT_SECRET') ?? null,
    scopes,
    name: read(env, 'OIDC_NAME') ?? url.hostname,
    roleClaim: read(env, 'OIDC_ROLE_CLAIM') ?? null,
    adminValues: list(env, 'OIDC_ADMIN_VALUES'),
    managerValues: list(env, 'OIDC_MANAGER_VALUES'),
  };
}
