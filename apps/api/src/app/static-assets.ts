import { acceptedEncoding, compress, COMPRESSION } from '@stint/api-core';

/**
 * How the built dashboard's files are cached and compressed. Angular names
 * every built script, stylesheet and font after a hash of its content
 * (`main-NS5R2YD6.js`), so such a file never changes: browsers keep it a year
 * without asking. Anything else (index.html is sent by the fallback with
 * `no-cache`) is revalidated on every load.
 */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(?:js|css|woff2?|ttf|svg|png|jpe?g|webp|ico)$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export function cacheControlFor(path: string): string {
  return HASHED_ASSET.test(path) ? IMMUTABLE : REVALIDATE;
}

/** A page body encoded as the client accepts (the dashboard's index.html, which differs per response). */
export function encodePage(
  html: string,
  acceptEncoding: string | string[] | undefined,
): { body: Buffer; encoding: 'br' | 'gzip' | null } {
  const encoding = acceptedEncoding(acceptEncoding);
  const plain = Buffer.from(html, 'utf8');
  if (!encoding || plain.length < COMPRESSION.threshold) return { body: plain, encoding: null };
  return { body: compress(plain, encoding), encoding };
}
