import { JobName } from './job-names';
import { cappedBackoffMs, DEFAULT_JOB_OPTIONS, optionsFor } from './job-options';

describe('job options', () => {
  it('removes completed jobs at once (PostgreSQL records what they did) and keeps failed ones for inspection', () => {
    expect(DEFAULT_JOB_OPTIONS.removeOnComplete).toBe(true);
    expect(DEFAULT_JOB_OPTIONS.removeOnFail).toMatchObject({ age: 7 * 24 * 3600 });
  });

  it('lets the per-job table and the caller override the defaults, in that order', () => {
    expect(optionsFor(JobName.Heartbeat).attempts).toBe(1);
    expect(optionsFor(JobName.Heartbeat, { jobId: 'x', attempts: 3 })).toMatchObject({ jobId: 'x', attempts: 3 });
  });

  it('retries reminder jobs for hours, never more than 5 minutes apart', () => {
    const attempts = optionsFor(JobName.CheckInReminder).attempts ?? 1;
    const delays = Array.from({ length: attempts - 1 }, (_, i) => cappedBackoffMs(i + 1));
    expect(delays.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(Math.max(...delays)).toBe(300_000);
    expect(delays.reduce((a, b) => a + b, 0)).toBeGreaterThan(3 * 3_600_000);
  });
});
