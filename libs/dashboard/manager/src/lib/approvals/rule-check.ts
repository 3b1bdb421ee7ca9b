import type { AvailabilityDay, Placement, ProgrammePolicy, RotationRequest, Team } from '@stint/contracts';
import { addDays, rangesOverlap, type IsoDate } from '@stint/shared-dates';
import { formatDay, formatRange } from '../shared/date-format';
import { plural } from '../shared/labels';

export interface DateRun {
  start: IsoDate;
  end: IsoDate;
}

/** Sorted dates folded into runs of consecutive days, for "3 Feb – 7 Feb" rather than five lines. */
export function collapseRuns(dates: readonly IsoDate[]): DateRun[] {
  const sorted = [...new Set(dates)].sort();
  const runs: DateRun[] = [];
  for (const date of sorted) {
    const last = runs[runs.length - 1];
    if (last && addDays(last.end, 1) === date) last.end = date;
    else runs.push({ start: date, end: date });
  }
  return runs;
}

export function describeRuns(runs: readonly DateRun[]): string {
  return runs.map((r) => (r.start === r.end ? formatDay(r.start) : formatRange(r.start, r.end))).join(', ');
}

export interface AvailabilitySummary {
  capacity: number;
  /** Most placements already booked on one day of the range. */
  peakBooked: number;
  /** Days on which one more placement would exceed capacity. */
  fullDays: IsoDate[];
  blackoutDays: IsoDate[];
}

export function summariseAvailability(days: readonly AvailabilityDay[]): AvailabilitySummary {
  return {
    capacity: days.reduce((max, d) => Math.max(max, d.capacity), 0),
    peakBooked: days.reduce((max, d) => Math.max(max, d.booked), 0),
    fullDays: days.filter((d) => d.booked >= d.capacity).map((d) => d.date),
    blackoutDays: days.filter((d) => d.blackout).map((d) => d.date),
  };
}

export interface Overlap {
  kind: 'request' | 'placement';
  id: string;
  teamId: string;
  startDate: IsoDate;
  endDate: IsoDate;
  status: string;
}

/**
 * The PM's other commitments sharing a day with this request: pending
 * requests and placements that are not cancelled. The request's own booking
 * (once booked) is not an overlap.
 */
export function findOverlaps(
  request: RotationRequest,
  requests: readonly RotationRequest[],
  placements: readonly Placement[],
): Overlap[] {
  const clash = (s: IsoDate, e: IsoDate) => rangesOverlap(request.startDate, request.endDate, s, e);
  const fromRequests = requests
    .filter(
      (r) =>
        r.id !== request.id &&
        r.pmId === request.pmId &&
        (r.status === 'pending_manager' || r.status === 'pending_host') &&
        clash(r.startDate, r.endDate),
    )
    .map(
      (r): Overlap => ({
        kind: 'request',
        id: r.id,
        teamId: r.teamId,
        startDate: r.startDate,
        endDate: r.endDate,
        status: r.status,
      }),
    );
  const fromPlacements = placements
    .filter(
      (p) =>
        p.requestId !== request.id &&
        p.id !== request.placementId &&
        p.pmId === request.pmId &&
        p.status !== 'cancelled' &&
        clash(p.startDate, p.endDate),
    )
    .map(
      (p): Overlap => ({
        kind: 'placement',
        id: p.id,
        teamId: p.teamId,
        startDate: p.startDate,
        endDate: p.endDate,
        status: p.status,
      }),
    );
  return [...fromPlacements, ...fromRequests].sort((a, b) => a.startDate.localeCompare(b.startDate));
}

export type RuleKey = 'capacity' | 'blackout' | 'overlap' | 'start' | 'duration' | 'team';

export interface RuleResult {
  key: RuleKey;
  ok: boolean;
  title: string;
  detail: string;
}

export interface RuleInput {
  request: RotationRequest;
  days: readonly AvailabilityDay[];
  overlaps: readonly Overlap[];
  today: IsoDate;
  policy: ProgrammePolicy | null;
  team: Team | undefined;
  teamName: (id: string) => string;
}

/**
 * The rules the API will apply on approval, checked ahead so the approver
 * sees what would pass. The API re-checks everything; this only explains.
 */
export function checkRules(input: RuleInput): RuleResult[] {
  const { request, days, overlaps, today, policy, team } = input;
  const summary = summariseAvailability(days);
  const results: RuleResult[] = [];

  results.push(
    summary.fullDays.length === 0
      ? {
          key: 'capacity',
          ok: true,
          title: 'Capacity is free on every day',
          detail: `At most ${summary.peakBooked} of ${summary.capacity} places are booked on any day of these dates.`,
        }
      : {
          key: 'capacity',
          ok: false,
          title: `The team is full on ${plural(summary.fullDays.length, 'day')}`,
          detail: `All ${summary.capacity} places are booked on ${describeRuns(collapseRuns(summary.fullDays))}. Approving now fails with the next free slots.`,
        },
  );

  results.push(
    summary.blackoutDays.length === 0
      ? {
          key: 'blackout',
          ok: true,
          title: 'No blackout days',
          detail: 'None of these days is in a team or global blackout.',
        }
      : {
          key: 'blackout',
          ok: false,
          title: `${plural(summary.blackoutDays.length, 'blackout day')} in the range`,
          detail: `Blacked out: ${describeRuns(collapseRuns(summary.blackoutDays))}.`,
        },
  );

  results.push(
    overlaps.length === 0
      ? {
          key: 'overlap',
          ok: true,
          title: 'No overlapping rotations',
          detail: 'The PM has no other placement or pending request on these days that you can see.',
        }
      : {
          key: 'overlap',
          ok: false,
          title: `Overlaps ${plural(overlaps.length, 'other rotation')}`,
          detail: overlaps
            .map(
              (o) =>
                `${o.kind === 'placement' ? 'placement' : 'request'} in ${input.teamName(o.teamId)}, ${formatRange(o.startDate, o.endDate)}`,
            )
            .join('; '),
        },
  );

  results.push(
    request.startDate >= today
      ? { key: 'start', ok: true, title: 'Starts in the future', detail: `Starts ${formatDay(request.startDate)}.` }
      : {
          key: 'start',
          ok: false,
          title: 'The start date has passed',
          detail: `It was to start ${formatDay(request.startDate)}; the PM must pick new dates.`,
        },
  );

  if (policy) {
    const within = request.durationWeeks >= policy.minWeeks && request.durationWeeks <= policy.maxWeeks;
    results.push({
      key: 'duration',
      ok: within,
      title: within ? 'Duration within policy' : 'Duration outside policy',
      detail: `${plural(request.durationWeeks, 'week')}; the policy allows ${policy.minWeeks}–${policy.maxWeeks}.`,
    });
  }

  if (team) {
    results.push(
      team.active
        ? { key: 'team', ok: true, title: 'Team is active', detail: `${team.name} takes rotations.` }
        : {
            key: 'team',
            ok: false,
            title: 'Team is inactive',
            detail: `${team.name} is deactivated and takes no rotations.`,
          },
    );
  }
  return results;
}
