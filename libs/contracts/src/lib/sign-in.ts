/** The ways in the sign-in page offers (`GET /api/auth/options`). */
export interface SignInOptions {
  /** Email and password (off when PASSWORD_LOGIN=false). */
  password: boolean;
  /** Single sign-on through the organisation's OIDC provider, when one is configured. */
  oidc: { name: string; loginUrl: string } | null;
}
