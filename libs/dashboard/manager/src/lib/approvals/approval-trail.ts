import type { Approval } from '@stint/contracts';
import { formatInstant } from '../shared/date-format';

const ROLE: Record<Approval['step'], string> = { manager: 'line manager', host: 'host manager' };

/** What a decision did, in the words of its step: the line manager releases the PM, the host manager approves. */
function verb(approval: Pick<Approval, 'step' | 'decision'>): string {
  if (approval.decision === 'rejected') return 'Rejected';
  return approval.step === 'manager' ? 'Released' : 'Approved';
}

/**
 * One decision of a request's approval trail, for people: "Released by Maria Keller (line manager), 4 Jan 2027,
 * 10:00". `name` is who decided: the API's `byName`, or `fallback` for an answer without it.
 */
export function approvalLine(approval: Approval, timeZone: string, fallback: (id: string) => string): string {
  const name = approval.byName || fallback(approval.byId);
  return `${verb(approval)} by ${name} (${ROLE[approval.step]}), ${formatInstant(approval.at, timeZone)}`;
}
