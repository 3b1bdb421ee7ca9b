import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { lastValueFrom, of } from 'rxjs';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { PreparedJson, PreparedJsonInterceptor } from './prepared-json';

/** A request with these headers through the interceptor: what it sent, and the headers it set. */
async function send(
  body: unknown,
  acceptEncoding?: string,
): Promise<{ sent: unknown; headers: Record<string, string> }> {
  const headers: Record<string, string> = {};
  const context = {
    switchToHttp: () => ({
      getRequest: () => ({ headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }),
      getResponse: () => ({ header: (name: string, value: string) => (headers[name] = value) }),
    }),
  } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of(body) };
  const sent = await lastValueFrom(new PreparedJsonInterceptor().intercept(context, next));
  return { sent, headers };
}

describe('PreparedJson', () => {
  const big = { rows: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `Team ${i}` })) };

  it('joins fresh fields in front of a kept answer into one object, and either side may be empty', () => {
    const kept = PreparedJson.of({ lists: [1, 2], total: 2 });
    expect(JSON.parse(PreparedJson.joined({ at: 'now', failed: null }, kept).text)).toEqual({
      at: 'now',
      failed: null,
      lists: [1, 2],
      total: 2,
    });
    expect(JSON.parse(PreparedJson.joined({}, kept).text)).toEqual({ lists: [1, 2], total: 2 });
    expect(JSON.parse(PreparedJson.joined({ at: 'now' }, PreparedJson.of({})).text)).toEqual({ at: 'now' });
  });

  it('is sent as JSON text in the encoding asked for, compressed once however often it is sent', async () => {
    const kept = PreparedJson.of(big);
    const br = await send(kept, 'gzip, deflate, br');
    expect(br.headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      vary: 'accept-encoding',
      'content-encoding': 'br',
    });
    expect(JSON.parse(brotliDecompressSync(br.sent as Buffer).toString('utf8'))).toEqual(big);
    const again = await send(kept, 'br');
    expect(again.sent).toBe(br.sent);
    const gzip = await send(kept, 'gzip');
    expect(JSON.parse(gunzipSync(gzip.sent as Buffer).toString('utf8'))).toEqual(big);
    const plain = await send(kept);
    expect(plain.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
    expect(JSON.parse((plain.sent as Buffer).toString('utf8'))).toEqual(big);
    expect((await send(kept)).sent).toBe(plain.sent);
  });

  it('leaves a one-off answer and any other body to the compression plugin', async () => {
    const once = PreparedJson.joined({ at: 'now' }, PreparedJson.of(big));
    const sent = await send(once, 'br');
    expect(sent.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
    expect(sent.sent).toBe(once.text);
    const plain = { not: 'prepared' };
    expect((await send(plain, 'br')).sent).toBe(plain);
  });
});
