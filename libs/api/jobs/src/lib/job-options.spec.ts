import { JobName } from './job-names';
import { DEFAULT_JOB_OPTIONS, optionsFor } from './job-options';

describe('optionsFor', () => {
  it('keeps failed jobs a week by default and retries with exponential back-off', () => {
    expect(DEFAULT_JOB_OPTIONS.removeOnFail).toEqual({ age: 7 * 24 * 3600 });
    expect(DEFAULT_JOB_OPTIONS.backoff).toEqual({ type: 'exponential', delay: 1000 });
  });

  it('lets the per-job table and the caller override the defaults, in that order', () => {
    expect(optionsFor(JobName.Heartbeat).attempts).toBe(1);
    expect(optionsFor(JobName.Heartbeat, { jobId: 'x', attempts: 3 })).toMatchObject({ jobId: 'x', attempts: 3 });
  });
});
