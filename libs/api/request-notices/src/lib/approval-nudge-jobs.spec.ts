import { JobName } from '@stint/api-jobs';
import { nudgeJobs } from './approval-nudge-jobs';

describe('nudgeJobs', () => {
  const pendingSince = new Date('2027-01-11T09:30:00.000Z');
  const request = { id: 'r1', status: 'pending_host' as const, pendingSince };

  it('makes the 24 h and 48 h nudges and the 72 h escalation, under ids that carry the waiting occasion', () => {
    const jobs = nudgeJobs(request);
    expect(jobs.map((j) => j.name)).toEqual([JobName.ApprovalNudge, JobName.ApprovalNudge, JobName.ApprovalNudge]);
    expect(jobs.map((j) => j.jobId)).toEqual([
      `approval-nudge-r1-pending_host-${pendingSince.getTime()}-24`,
      `approval-nudge-r1-pending_host-${pendingSince.getTime()}-48`,
      `approval-nudge-r1-pending_host-${pendingSince.getTime()}-72`,
    ]);
    expect(jobs.map((j) => j.dueAt.toISOString())).toEqual([
      '2027-01-12T09:30:00.000Z',
      '2027-01-13T09:30:00.000Z',
      '2027-01-14T09:30:00.000Z',
    ]);
    expect(jobs[2]?.payload).toEqual({
      requestId: 'r1',
      status: 'pending_host',
      pendingSince: '2027-01-11T09:30:00.000Z',
      hours: 72,
    });
  });

  it('makes only the steps asked for (the reconciler asks for those still owed)', () => {
    expect(nudgeJobs(request, [72]).map((j) => j.dueAt.toISOString())).toEqual(['2027-01-14T09:30:00.000Z']);
  });
});
