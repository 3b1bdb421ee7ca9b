import { brotliDecompressSync } from 'node:zlib';
import { acceptedEncoding } from '@stint/api-core';
import { cacheControlFor, encodePage } from './static-assets';

describe('cacheControlFor', () => {
  it('caches files named after their content for a year, and revalidates the rest', () => {
    expect(cacheControlFor('/srv/main-NS5R2YD6.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('media/roboto-latin-400-normal-V3H5IIDP.woff2')).toContain('immutable');
    expect(cacheControlFor('styles-5INURTSO.css')).toContain('immutable');
    expect(cacheControlFor('favicon.ico')).toBe('no-cache');
    expect(cacheControlFor('main.js')).toBe('no-cache');
  });
});

describe('acceptedEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(acceptedEncoding('gzip, deflate, br')).toBe('br');
    expect(acceptedEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(acceptedEncoding(['deflate', 'gzip'])).toBe('gzip');
    expect(acceptedEncoding('*')).toBe('gzip');
    expect(acceptedEncoding('identity')).toBeNull();
    expect(acceptedEncoding(undefined)).toBeNull();
  });
});

describe('encodePage', () => {
  it('compresses a page the client can decode, and leaves a tiny one alone', () => {
    const html = `<html>${'<p>Stint</p>'.repeat(200)}</html>`;
    const page = encodePage(html, 'br');
    expect(page.encoding).toBe('br');
    expect(brotliDecompressSync(page.body).toString('utf8')).toBe(html);
    expect(encodePage('<p>hi</p>', 'br')).toEqual({ body: Buffer.from('<p>hi</p>'), encoding: null });
    expect(encodePage(html, undefined).encoding).toBeNull();
  });
});
