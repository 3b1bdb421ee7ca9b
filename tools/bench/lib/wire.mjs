// Raw HTTP GETs that keep the bytes as they crossed the wire (fetch would decompress them).
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

// What Chromium asks for on every request.
export const CHROMIUM_ENCODINGS = 'gzip, deflate, br, zstd';

/** GET `url` with the given headers; resolves { status, headers, wireBytes, text } (text decoded for parsing). */
export function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: res.statusCode,
          headers: res.headers,
          wireBytes: body.length,
          text: decode(body, res.headers),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The body as text; a 304 carries the encoding header with no body, and a body that will not decode stays raw. */
function decode(body, headers) {
  const encoding = headers['content-encoding'];
  if (!body.length) return '';
  try {
    return decompress(body, encoding);
  } catch {
    return body.toString('latin1');
  }
}

function decompress(body, encoding) {
  if (encoding === 'br') return brotliDecompressSync(body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(body).toString('utf8');
  return body.toString('utf8');
}
