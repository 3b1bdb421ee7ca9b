import { diffDays, isIsoDate } from '@stint/shared-dates';

/** The slot finder's inputs as the form holds them. */
export interface SlotSearch {
  durationWeeks: number | null;
  earliestStart: string;
  latestEnd: string;
  teamIds: string[];
  /** Set when a manager or admin plans for a PM; the API defaults to the caller. */
  pmId?: string | null;
}

export type SlotParams = Record<string, string | string[]>;

/** The API's own limit on the search window (api.md: "Window ≤ 2 years"). */
export const MAX_WINDOW_DAYS = 731;

/** Why the search cannot run yet, in the words the API would use; null when it can. */
export function slotSearchProblem(search: SlotSearch): string | null {
  const weeks = search.durationWeeks;
  if (weeks === null || !Number.isInteger(weeks) || weeks < 1 || weeks > 52) return 'Enter a duration of whole weeks.';
  if (!isIsoDate(search.earliestStart)) return 'Enter the earliest start date.';
  if (!isIsoDate(search.latestEnd)) return 'Enter the latest end date.';
  if (search.latestEnd < search.earliestStart) return 'The latest end must be on or after the earliest start.';
  if (diffDays(search.earliestStart, search.latestEnd) > MAX_WINDOW_DAYS) return 'The window may span at most 2 years.';
  return null;
}

/**
 * Query parameters for `GET /api/slots`, or null while the search is
 * incomplete. Preferred teams repeat `teamId` (`?teamId=a&teamId=b`); no
 * team means every active team.
 */
export function buildSlotParams(search: SlotSearch, limit = 3): SlotParams | null {
  if (slotSearchProblem(search)) return null;
  const params: SlotParams = {
    durationWeeks: String(search.durationWeeks),
    earliestStart: search.earliestStart,
    latestEnd: search.latestEnd,
    limit: String(limit),
  };
  const teams = [...new Set(search.teamIds.filter(Boolean))].sort();
  if (teams.length) params['teamId'] = teams;
  if (search.pmId) params['pmId'] = search.pmId;
  return params;
}

/** Same search, same key: lets the finder skip a request that would answer the same. */
export function slotParamsKey(params: SlotParams | null): string {
  return params ? JSON.stringify(Object.entries(params).sort(([a], [b]) => a.localeCompare(b))) : '';
}
