import { BOOKING_RULE_CODES, BOOKING_RULES, type RuleCheck } from '@stint/contracts';
import { collapseRuns, describeDays, describeRuns, readableDates, ruleLines, waitingCures } from './rule-check';

/** A rule check as the API answers it: every rule passing unless `failing` names it. */
function answer(failing: Record<string, Record<string, unknown>> = {}, over: Partial<RuleCheck> = {}): RuleCheck {
  return {
    requestId: 'r1',
    startDate: '2027-01-04',
    endDate: '2027-01-17',
    today: '2026-11-27',
    ok: Object.keys(failing).length === 0,
    checks: BOOKING_RULES.map((rule) => ({
      rule,
      code: BOOKING_RULE_CODES[rule],
      ok: !failing[rule],
      message: failing[rule] ? `server says ${rule} fails` : `server says ${rule} passes`,
      details: failing[rule] ?? {},
    })),
    availability: { capacity: 2, peakBooked: 1, fullDays: [], blackoutDays: [], days: [] },
    suggestions: [],
    ...over,
  };
}

describe('rule check presentation', () => {
  it('folds dates into runs of consecutive days', () => {
    expect(collapseRuns(['2027-01-06', '2027-01-04', '2027-01-05', '2027-01-09', '2027-01-05'])).toEqual([
      { start: '2027-01-04', end: '2027-01-06' },
      { start: '2027-01-09', end: '2027-01-09' },
    ]);
    expect(collapseRuns([])).toEqual([]);
  });

  it('writes runs as ranges and single days', () => {
    expect(describeRuns(collapseRuns(['2027-02-03', '2027-02-04', '2027-02-05', '2027-02-07']))).toBe(
      '3 Feb – 5 Feb 2027, 7 Feb 2027',
    );
    expect(describeDays([])).toBe('none');
  });

  it("keeps the server's order, verdicts and sentences, with a heading for each passing rule", () => {
    const lines = ruleLines(answer());
    expect(lines.map((l) => [l.rule, l.ok])).toEqual(BOOKING_RULES.map((rule) => [rule, true]));
    expect(lines.map((l) => l.title)).toEqual([
      'Team is active',
      'Duration within policy',
      'The start date has not passed',
      'No blackout days',
      'No overlapping rotations',
      'Capacity is free on every day',
    ]);
    expect(lines[5]?.message).toBe('server says capacity passes');
  });

  it("heads each failing rule with the server's figures", () => {
    const lines = ruleLines(
      answer(
        {
          team: { active: false },
          duration: { durationWeeks: 14 },
          start: { today: '2026-11-27' },
          blackout: { blackouts: [{}] },
          pm_overlap: { conflicts: [{}, {}] },
          capacity: { date: '2027-01-04' },
        },
        {
          availability: {
            capacity: 2,
            peakBooked: 2,
            fullDays: ['2027-01-04'],
            blackoutDays: ['2027-01-06', '2027-01-07'],
            days: [],
          },
        },
      ),
    );
    expect(lines.every((l) => !l.ok)).toBe(true);
    expect(lines.map((l) => l.title)).toEqual([
      'Team is inactive',
      'Duration outside policy',
      'The start date has passed',
      '2 blackout days in the range',
      'Overlaps 2 other rotations',
      'The team is full on 1 day',
    ]);
    expect(lines[4]?.message).toBe('server says pm_overlap fails');
  });

  it('still heads a failing rule whose figures are missing', () => {
    const titles = ruleLines(answer({ blackout: {}, pm_overlap: {}, capacity: {} })).map((l) => l.title);
    expect(titles.slice(3)).toEqual(['Blackout', "Overlaps the PM's other rotations", 'The team is full']);
  });
});

describe('readableDates', () => {
  it('writes the calendar dates of a server sentence in words, and leaves the rest alone', () => {
    expect(readableDates('The team is full on 2099-01-07 (2 of 2 places booked).')).toBe(
      'The team is full on 7 Jan 2099 (2 of 2 places booked).',
    );
    expect(readableDates('From 2027-01-04 to 2027-01-17.')).toBe('From 4 Jan 2027 to 17 Jan 2027.');
    expect(readableDates('No dates here, 2 of 3 booked.')).toBe('No dates here, 2 of 3 booked.');
  });

  it('puts the dates of each rule line in words', () => {
    const lines = ruleLines(answer());
    expect(lines[0]?.message).toBe('server says team passes');
    const full = answer({ capacity: { date: '2027-01-04' } });
    const capacity = full.checks[5];
    if (capacity) capacity.message = 'The team is full on 2027-01-04.';
    expect(ruleLines(full)[5]?.message).toBe('The team is full on 4 Jan 2027.');
  });
});

describe('waitingCures', () => {
  it('is true when the team is full or blacked out and nothing else is wrong', () => {
    expect(waitingCures(answer({ capacity: {} }))).toBe(true);
    expect(waitingCures(answer({ capacity: {}, blackout: {} }))).toBe(true);
    expect(waitingCures(answer({ blackout: {} }))).toBe(true);
  });

  it('is false when every rule passes, or when a rule waiting cannot cure fails too', () => {
    expect(waitingCures(answer())).toBe(false);
    expect(waitingCures(answer({ capacity: {}, pm_overlap: {} }))).toBe(false);
    expect(waitingCures(answer({ start: {} }))).toBe(false);
  });
});
