/**
 * A full team on the approval page: the sentence the host reads, the next
 * free starts they may propose to the PM instead, and the open proposal.
 * Dates in words, never the API's ISO strings or field names.
 */
import type { ApiErrorBody, RotationRequest, RuleCheck, SlotSuggestion } from '@stint/contracts';
import { isIsoDate } from '@stint/shared-dates';
import { formatRange } from '../shared/date-format';

/** The team is full on the request's dates: approving answered so, or the rule check says so. */
export function capacityFull(check: RuleCheck | null, approvingFoundFull: boolean): boolean {
  return approvingFoundFull || (check?.checks.some((c) => c.rule === 'capacity' && !c.ok) ?? false);
}

function isSlot(value: unknown): value is SlotSuggestion {
  const s = value as Partial<SlotSuggestion> | null;
  return !!s && typeof s.startDate === 'string' && isIsoDate(s.startDate) && typeof s.endDate === 'string';
}

/** The next free starts a CAPACITY_FULL answer carries (none for any other answer). */
export function slotsFromError(body: ApiErrorBody | null): SlotSuggestion[] {
  const suggestions = body?.code === 'CAPACITY_FULL' ? body.details?.['suggestions'] : undefined;
  return Array.isArray(suggestions) ? suggestions.filter(isSlot) : [];
}

/** What the host reads when the team is full, naming the choices they have. */
export function fullSentence(
  request: Pick<RotationRequest, 'startDate' | 'endDate'>,
  pm: string,
  team: string,
  slots: readonly SlotSuggestion[],
): string {
  const asked = `${team} has no free place on ${formatRange(request.startDate, request.endDate)}, so approving cannot book ${pm}'s rotation.`;
  return slots.length
    ? `${asked} Propose one of the next free starts below: ${pm} gets an email and accepts or declines it.`
    : `${asked} There is no free start for this length in the coming year; add the request to the waitlist or decline it.`;
}

/** The open proposal, in a sentence for the host; null when none is open. */
export function proposalStatus(request: Pick<RotationRequest, 'proposal'>, pm: string): string | null {
  const p = request.proposal;
  return p
    ? `You proposed ${formatRange(p.startDate, p.endDate)} to ${pm}. The request keeps its dates until they accept.`
    : null;
}
