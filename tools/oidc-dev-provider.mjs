#!/usr/bin/env node
/*
 * A standards-compliant OpenID Connect provider on this machine, for trying
 * single sign-on and for the browser tests (oidc-provider, with its own
 * development login page: any login name and any password are accepted).
 *
 *   node tools/oidc-dev-provider.mjs            # http://localhost:3310
 *
 * Environment: OIDC_DEV_PORT (3310), OIDC_DEV_CLIENT_ID (stint), OIDC_DEV_CLIENT_SECRET (stint-dev-secret),
 * OIDC_DEV_REDIRECT_URIS (comma list; default http://localhost:3000/api/auth/oidc/callback).
 * Point Stint at it with OIDC_ISSUER=http://localhost:3310 OIDC_CLIENT_ID=stint OIDC_CLIENT_SECRET=stint-dev-secret
 * OIDC_ROLE_CLAIM=groups OIDC_ADMIN_VALUES=stint-admins OIDC_MANAGER_VALUES=sales-leads.
 *
 * Who you are is the login name you type: "jo@example.com" (or "jo", which becomes jo@example.test);
 * a name starting with "admin" is in the group stint-admins, one starting with "lead" in sales-leads,
 * anyone else in everyone; a name containing "unverified" has email_verified false.
 */
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_DEV_PORT ?? 3310);
const issuer = `http://localhost:${port}`;
const clientId = process.env.OIDC_DEV_CLIENT_ID ?? 'stint';
const clientSecret = process.env.OIDC_DEV_CLIENT_SECRET ?? 'stint-dev-secret';
const redirectUris = (process.env.OIDC_DEV_REDIRECT_URIS ?? 'http://localhost:3000/api/auth/oidc/callback').split(',');

function claimsOf(login) {
  const email = login.includes('@') ? login.toLowerCase() : `${login.toLowerCase()}@example.test`;
  const local = email.split('@')[0];
  const groups = local.startsWith('admin')
    ? ['stint-admins']
    : local.startsWith('lead')
      ? ['sales-leads']
      : ['everyone'];
  const name = local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(' ');
  return { sub: email, email, email_verified: !local.includes('unverified'), name, groups, zoneinfo: 'Europe/Berlin' };
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: redirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups', 'zoneinfo'] },
  // Every claim of the granted scopes goes into the ID token, which is what Stint reads.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: ['stint-oidc-dev-only'] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    return { accountId: id, claims: async () => claimsOf(id) };
  },
  // A first-party client: no consent screen, the scopes asked for are granted.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});

provider.listen(port, () => {
  process.stdout.write(`OIDC development provider at ${issuer} (client ${clientId})\n`);
});
