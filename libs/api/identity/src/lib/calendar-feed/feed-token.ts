import { createHash, randomBytes } from 'node:crypto';

/** Random bytes in a feed token: 256 bits, as hard to guess as the signing key of a session. */
export const FEED_TOKEN_BYTES = 32;

/** A new secret feed token: FEED_TOKEN_BYTES random bytes, base64url (43 characters). */
export function newFeedToken(): string {
  return randomBytes(FEED_TOKEN_BYTES).toString('base64url');
}

/** Whether `text` could be a feed token at all (checked before any lookup). */
export function isFeedToken(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}

/** What is stored instead of the token: its SHA-256, hex. A leaked database does not leak the feeds. */
export function feedTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
