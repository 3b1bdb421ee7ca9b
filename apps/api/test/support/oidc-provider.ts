import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A free TCP port on this machine. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * A real OpenID Connect provider (tools/oidc-dev-provider.mjs, built on the
 * `oidc-provider` package) in its own process on a free port, as an
 * organisation's identity provider would be: Stint reaches it only over HTTP.
 */
export class OidcProviderProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  static async start(redirectUri: string): Promise<OidcProviderProcess> {
    const port = await freePort();
    const clientId = 'stint-test';
    const clientSecret = 'stint-test-secret';
    const child = spawn(process.execPath, [join(__dirname, '..', '..', '..', '..', 'tools', 'oidc-dev-provider.mjs')], {
      env: {
        ...process.env,
        OIDC_DEV_PORT: String(port),
        OIDC_DEV_CLIENT_ID: clientId,
        OIDC_DEV_CLIENT_SECRET: clientSecret,
        OIDC_DEV_REDIRECT_URIS: redirectUri,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the OIDC provider did not start within 15 s')), 15_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('OIDC development provider at')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`the OIDC provider exited with ${code}`)));
    });
    return new OidcProviderProcess(child, `http://localhost:${port}`, clientId, clientSecret);
  }

  /** The Stint environment that points at this provider. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      OIDC_ISSUER: this.issuer,
      OIDC_CLIENT_ID: this.clientId,
      OIDC_CLIENT_SECRET: this.clientSecret,
      OIDC_NAME: 'Example SSO',
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ADMIN_VALUES: 'stint-admins',
      OIDC_MANAGER_VALUES: 'sales-leads',
      ...extra,
    };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

/** Cookies as a browser keeps them for one site, from Set-Cookie headers. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Signs in at the provider's own login page as a browser would: follows its
 * redirects, posts the login form, and returns the redirect back to Stint
 * (the callback URL with the code) without following it.
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new CookieJar();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.pathname.endsWith('/api/auth/oidc/callback')) return next;
      url = next.href;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no login form at ${url}: ${html.slice(0, 200)}`);
    const posted = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'any password' }).toString(),
    });
    jar.take(posted);
    const after = posted.headers.get('location');
    if (!after) throw new Error(`the login form answered ${posted.status} without a redirect`);
    url = new URL(after, url).href;
  }
  throw new Error('too many redirects at the provider');
}
