import pino from 'pino';
import type { Options } from 'pino-http';
import { Writable } from 'node:stream';
import { hideFeedToken, loggerOptions } from './logger-options';

/** A pino logger with the API's options, writing its JSON lines into an array. */
function capture(): { lines: string[]; logger: pino.Logger } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const { pinoHttp } = loggerOptions('debug');
  const options = pinoHttp as Options;
  return { lines, logger: pino({ level: 'debug', redact: options.redact }, stream) };
}

describe('loggerOptions redaction', () => {
  const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA';

  it('censors passwords, hashes, tokens and cookies at any of the usual depths', () => {
    const { lines, logger } = capture();
    logger.info({ password: 'hunter2-top', user: { email: 'a@b.c', passwordHash: hash, password_hash: hash } }, 'user');
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def.ghi', cookie: 'stint_session=xyz' } },
        res: { headers: { 'set-cookie': 'stint_session=xyz' } },
      },
      'request',
    );
    logger.info({ context: { body: { user: { password: 'hunter2-deep' } } } }, 'deep');
    const out = lines.join('\n');
    for (const secret of ['hunter2-top', 'hunter2-deep', hash, 'abc.def.ghi', 'stint_session=xyz']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('"email":"a@b.c"');
    expect(out).toContain('[Redacted]');
  });

  it("drops a failed query's parameters and row detail from a logged error", () => {
    const { lines, logger } = capture();
    const err = Object.assign(new Error('duplicate key value'), {
      code: '23505',
      parameters: ['ada@example.com', hash],
      detail: `Failing row contains (ada@example.com, ${hash}).`,
      driverError: { detail: hash },
    });
    logger.error({ err }, 'query failed');
    const out = lines.join('\n');
    expect(out).toContain('duplicate key value');
    expect(out).toContain('23505');
    expect(out).not.toContain(hash);
    expect(out).not.toContain('ada@example.com');
  });
});

describe('request lines', () => {
  it('carry the id, method, URL (feed token hidden) and address, and never a header', () => {
    const { pinoHttp } = loggerOptions('info');
    const serialize = (pinoHttp as Options).serializers?.['req'] as (req: object) => object;
    const line = serialize({
      id: 'r-1',
      method: 'GET',
      url: '/api/calendar/secret-token.ics',
      remoteAddress: '203.0.113.9',
      headers: { authorization: 'Bearer abc.def.ghi', cookie: 'stint_session=xyz', 'user-agent': 'x' },
    });
    expect(line).toEqual({ id: 'r-1', method: 'GET', url: '/api/calendar/[Redacted]', remoteAddress: '203.0.113.9' });
  });
});

describe('hideFeedToken', () => {
  it("keeps a calendar feed's secret token out of request lines, and every other URL as it is", () => {
    expect(hideFeedToken('/api/calendar/3q2-7wEvb0N8Yd1Xf9kGzU4pT6aLcHsR5mJxVeBnKoI.ics')).toBe(
      '/api/calendar/[Redacted]',
    );
    expect(hideFeedToken('/api/calendar/abc.ics?x=1')).toBe('/api/calendar/[Redacted]?x=1');
    expect(hideFeedToken('/api/me/calendar-feed')).toBe('/api/me/calendar-feed');
    expect(hideFeedToken('/api/check-ins/1/calendar.ics')).toBe('/api/check-ins/1/calendar.ics');
  });
});
