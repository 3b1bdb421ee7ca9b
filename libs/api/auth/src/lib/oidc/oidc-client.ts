import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ApiError, OidcConfig } from '@stint/api-core';
import * as openid from 'openid-client';
import type { OidcAttempt } from './oidc-state';
import { OIDC_ATTEMPT_MS } from './oidc-state';

/** Where the provider sends the browser back to (register it with the provider). */
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/**
 * The relying party, through `openid-client`: discovery (cached once it
 * worked), the authorization URL with state, nonce and a PKCE challenge, and
 * the code exchange, where the library checks the ID token (signature,
 * issuer, audience, expiry, nonce). Nothing here checks a token by hand.
 */
@Injectable()
export class OidcClient {
  private readonly logger = new Logger(OidcClient.name);
  private discovered: Promise<openid.Configuration> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get settings(): OidcConfig {
    if (!this.config.oidc) throw ApiError.notFound('sign-in provider', 'oidc');
    return this.config.oidc;
  }

  get redirectUri(): string {
    return `${this.config.appUrl}${OIDC_CALLBACK_PATH}`;
  }

  /** A new attempt and the provider URL that starts it. */
  async begin(returnTo: string, now: number): Promise<{ url: URL; attempt: OidcAttempt }> {
    const configuration = await this.configuration();
    const attempt: OidcAttempt = {
      state: openid.randomState(),
      nonce: openid.randomNonce(),
      codeVerifier: openid.randomPKCECodeVerifier(),
      returnTo,
      expiresAt: now + OIDC_ATTEMPT_MS,
    };
    const url = openid.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: this.settings.scopes,
      response_type: 'code',
      state: attempt.state,
      nonce: attempt.nonce,
      code_challenge: await openid.calculatePKCECodeChallenge(attempt.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, attempt };
  }

  /** Exchanges the code the provider sent back for the ID token's claims, every check done by the library. */
  async finish(callbackQuery: string, attempt: OidcAttempt): Promise<Record<string, unknown>> {
    const configuration = await this.configuration();
    const tokens = await openid.authorizationCodeGrant(configuration, new URL(`${this.redirectUri}${callbackQuery}`), {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the provider sent no ID token');
    return claims as Record<string, unknown>;
  }

  private configuration(): Promise<openid.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = null; // try again next time: the provider may be back
      this.logger.warn(`OIDC discovery at ${this.settings.issuer} failed: ${(error as Error).message}`);
      throw new ApiError(
        503,
        'UNAVAILABLE',
        `The sign-in provider (${this.settings.name}) cannot be reached; try again in a moment, or sign in with a password if that is offered.`,
      );
    });
    return this.discovered;
  }

  private discover(): Promise<openid.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    const url = new URL(issuer);
    // Plain http only for a provider on this machine (the configuration refuses it elsewhere).
    const options = url.protocol === 'http:' ? { execute: [openid.allowInsecureRequests] } : undefined;
    return clientSecret
      ? openid.discovery(url, clientId, clientSecret, undefined, options)
      : openid.discovery(url, clientId, undefined, openid.None(), options);
  }
}
