import { DueJob, JobName, jobIds } from '@stint/api-jobs';

const HOUR = 3_600_000;
/** Hours a request has waited when its approver is nudged (24, 48) and when admins hear of it (72). */
export const NUDGE_HOURS = [24, 48, 72] as const;

/** A request waiting for a decision, as the nudges see it. */
export interface WaitingRequest {
  id: string;
  status: 'pending_manager' | 'pending_host';
  pendingSince: Date;
}

/** The approval nudges (24 h, 48 h) and the escalation (72 h) a pending request implies. */
export function nudgeJobs(request: WaitingRequest, steps: readonly number[] = NUDGE_HOURS): DueJob[] {
  return steps.map((hours) => ({
    name: JobName.ApprovalNudge,
    payload: {
      requestId: request.id,
      status: request.status,
      pendingSince: request.pendingSince.toISOString(),
      hours: hours as 24 | 48 | 72,
    },
    jobId: jobIds.approvalNudge(request.id, request.status, request.pendingSince, hours),
    dueAt: new Date(request.pendingSince.getTime() + hours * HOUR),
  }));
}
