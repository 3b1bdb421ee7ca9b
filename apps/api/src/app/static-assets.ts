import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

/**
 * Brotli or gzip for JSON, HTML, scripts and styles over 1 kB, as the client
 * accepts. Brotli at quality 4: responses are compressed per request, and the
 * top quality (11) costs far more CPU than the few percent it saves.
 */
export const COMPRESSION = {
  global: true,
  threshold: 1024,
  encodings: ['br', 'gzip'] as Array<'br' | 'gzip'>,
  brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
};

/** The best encoding a client accepts (`br`, then `gzip`), or none; `q=0` refuses one. */
export function acceptedEncoding(header: string | string[] | undefined): 'br' | 'gzip' | null {
  const accepted = new Set(
    (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, q]) => !/^\s*q=0(?:\.0*)?\s*$/.test(q ?? ''))
      .map(([name]) => name?.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}

/** A page body encoded as the client accepts (the dashboard's index.html, which differs per response). */
export function encodePage(
  html: string,
  acceptEncoding: string | string[] | undefined,
): { body: Buffer; encoding: 'br' | 'gzip' | null } {
  const encoding = acceptedEncoding(acceptEncoding);
  const plain = Buffer.from(html, 'utf8');
  if (!encoding || plain.length < COMPRESSION.threshold) return { body: plain, encoding: null };
  const body = encoding === 'br' ? brotliCompressSync(plain, COMPRESSION.brotliOptions) : gzipSync(plain);
  return { body, encoding };
}
