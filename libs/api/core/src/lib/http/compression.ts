import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

/** `plain` in `encoding` as COMPRESSION says (brotli at quality 4, or gzip). */
export function compress(plain: Buffer, encoding: 'br' | 'gzip'): Buffer {
  return encoding === 'br' ? brotliCompressSync(plain, COMPRESSION.brotliOptions) : gzipSync(plain);
}
