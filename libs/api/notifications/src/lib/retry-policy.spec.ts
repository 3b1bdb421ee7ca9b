import { classifySmtpError, nextAttemptAt, RETRY_MAX_DELAY_MS, RETRY_WINDOW_MS, retryDelayMs } from './retry-policy';

const MINUTE = 60_000;

describe('email retry policy', () => {
  it('backs off exponentially from 15 s and never waits more than 5 minutes between attempts', () => {
    const delays = Array.from({ length: 10 }, (_, i) => retryDelayMs(i + 1));
    expect(delays.slice(0, 6)).toEqual([15_000, 30_000, 60_000, 120_000, 240_000, 300_000]);
    expect(Math.max(...delays)).toBe(5 * MINUTE);
    expect(retryDelayMs(10_000)).toBe(RETRY_MAX_DELAY_MS);
  });

  it('keeps retrying through a whole day of outage, then gives up', () => {
    const first = new Date('2027-01-04T09:00:00Z');
    let now = first;
    let failures = 1;
    const attempts: Date[] = [first];
    for (;;) {
      const next = nextAttemptAt(failures, first, now);
      if (!next) break;
      attempts.push(next);
      now = next;
      failures++;
    }
    const last = attempts[attempts.length - 1] as Date;
    // At least 24 h of attempts, none more than 5 minutes apart: a server back at any moment gets its mail within 5 minutes.
    expect(last.getTime() - first.getTime()).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    for (let i = 1; i < attempts.length; i++)
      expect((attempts[i] as Date).getTime() - (attempts[i - 1] as Date).getTime()).toBeLessThanOrEqual(5 * MINUTE);
    expect(attempts.length).toBeGreaterThan(280);
    expect(attempts.length).toBeLessThan(300);
  });

  it('reads 5xx replies as permanent and 4xx replies, refusals and timeouts as transient', () => {
    expect(
      classifySmtpError({
        responseCode: 550,
        response: '550 5.1.1 <x@y>: Recipient address rejected',
        message: "Can't send mail",
      }),
    ).toEqual({
      kind: 'permanent',
      message: '550 5.1.1 <x@y>: Recipient address rejected',
    });
    expect(classifySmtpError({ responseCode: 451, response: '451 Try again later', message: 'x' }).kind).toBe(
      'transient',
    );
    expect(classifySmtpError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:25' })).toEqual({
      kind: 'transient',
      message: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:25',
    });
    expect(classifySmtpError({ code: 'ETIMEDOUT', message: 'Greeting never received' }).kind).toBe('transient');
    expect(classifySmtpError(new Error('socket hang up')).kind).toBe('transient');
  });
});
