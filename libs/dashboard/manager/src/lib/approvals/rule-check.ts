/**
 * Presentation of the API's rule check (`GET /api/rotation-requests/:id/rule-check`).
 * The verdicts, messages and figures are the server's; nothing here judges a rule.
 */
import type { BookingRule, RuleCheck, RuleCheckResult } from '@stint/contracts';
import { addDays, type IsoDate } from '@stint/shared-dates';
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

/** Days as collapsed runs, or "none". */
export function describeDays(dates: readonly IsoDate[]): string {
  return describeRuns(collapseRuns(dates)) || 'none';
}

/** One line of the rule check as the page shows it: a heading of ours, the verdict and sentence of the API. */
export interface RuleLine {
  rule: BookingRule;
  ok: boolean;
  title: string;
  message: string;
}

type Titles = Record<BookingRule, { ok: string; bad: (check: RuleCheck, result: RuleCheckResult) => string }>;

function counted(n: number, unit: string, text: (count: string) => string, otherwise: string): string {
  return n > 0 ? text(plural(n, unit)) : otherwise;
}

const TITLES: Titles = {
  team: { ok: 'Team is active', bad: () => 'Team is inactive' },
  duration: { ok: 'Duration within policy', bad: () => 'Duration outside policy' },
  start: { ok: 'The start date has not passed', bad: () => 'The start date has passed' },
  blackout: {
    ok: 'No blackout days',
    bad: (c) => counted(c.availability.blackoutDays.length, 'blackout day', (n) => `${n} in the range`, 'Blackout'),
  },
  pm_overlap: {
    ok: 'No overlapping rotations',
    bad: (_, r) => {
      const conflicts = r.details['conflicts'];
      const n = Array.isArray(conflicts) ? conflicts.length : 0;
      return counted(n, 'other rotation', (count) => `Overlaps ${count}`, "Overlaps the PM's other rotations");
    },
  },
  capacity: {
    ok: 'Capacity is free on every day',
    bad: (c) => counted(c.availability.fullDays.length, 'day', (n) => `The team is full on ${n}`, 'The team is full'),
  },
};

const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})(?!T)\b/g;

/** A server sentence with its calendar dates in words: "full on 2027-01-07" → "full on 7 Jan 2027". */
export function readableDates(text: string): string {
  return text.replace(ISO_DATE, (date: string) => formatDay(date));
}

/** The server's checks in its order (the order approving checks them), each with a heading. */
export function ruleLines(check: RuleCheck): RuleLine[] {
  return check.checks.map((result) => {
    const titles = TITLES[result.rule];
    return {
      rule: result.rule,
      ok: result.ok,
      title: result.ok ? titles.ok : titles.bad(check, result),
      message: readableDates(result.message),
    };
  });
}

/** The rules a place freeing up can cure: the only ones for which the team's waitlist is an answer. */
const WAITABLE: ReadonlySet<BookingRule> = new Set(['capacity', 'blackout']);

/**
 * Whether the waitlist is the answer to this check: the team is full (or blacked out) on these dates and
 * nothing else is wrong, so the request would be offered the next place that frees up. The API refuses to
 * waitlist a request that also breaks a rule waiting cannot cure (an overlap, a start in the past).
 */
export function waitingCures(check: RuleCheck): boolean {
  const failing = check.checks.filter((c) => !c.ok);
  return failing.length > 0 && failing.every((c) => WAITABLE.has(c.rule));
}
