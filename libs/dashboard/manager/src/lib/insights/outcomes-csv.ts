import type { GoalResult, RatingsBySkill, RotationOutcome } from '@stint/contracts';

/** The rating sets of a rotation, in the export's column order. */
const RATING_SETS = ['kickoff', 'final', 'host', 'pulse'] as const;

/**
 * One CSV cell: RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, carriage return), as the API's placements export does.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report's skills, then any a rotation was rated on that the policy no longer names. */
export function csvSkills(reportSkills: readonly string[], rows: readonly RotationOutcome[]): string[] {
  const skills = [...reportSkills];
  for (const row of rows)
    for (const set of RATING_SETS)
      for (const skill of Object.keys(row[set] ?? {})) if (!skills.includes(skill)) skills.push(skill);
  return skills;
}

/** `customer empathy` → `customer_empathy`: header names without spaces. */
function column(set: string, skill: string): string {
  return `${set}_${skill.replace(/\s+/g, '_')}`;
}

function goals(row: RotationOutcome, result: GoalResult): number | null {
  return row.goalOutcomes ? row.goalOutcomes.filter((g) => g.result === result).length : null;
}

function rating(set: RatingsBySkill | null, skill: string): number | null {
  return set?.[skill] ?? null;
}

/**
 * One row per rotation: who, where, when, whether it finished, every rating set per skill (kickoff, final,
 * host, pulse: a block of skills each), the pulse's answer, and how many learning goals were met, partly met
 * or not met. Empty cells where there is nothing yet.
 */
export function outcomesCsv(rows: readonly RotationOutcome[], skills: readonly string[]): string {
  const header = [
    'pm',
    'team',
    'region',
    'start',
    'end',
    'weeks',
    'finished',
    ...RATING_SETS.flatMap((set) => skills.map((skill) => column(set, skill))),
    'would_send_again',
    'goals_met',
    'goals_partly_met',
    'goals_not_met',
  ];
  const lines = rows.map((row) => [
    row.pmName,
    row.teamName,
    row.region,
    row.startDate,
    row.endDate,
    row.durationWeeks,
    row.finished,
    ...RATING_SETS.flatMap((set) => skills.map((skill) => rating(row[set], skill))),
    row.wouldSendAgain,
    goals(row, 'met'),
    goals(row, 'partly_met'),
    goals(row, 'not_met'),
  ]);
  return [header, ...lines].map((cells) => `${cells.map(csvCell).join(',')}\n`).join('');
}

export function outcomesFileName(from: string | null, to: string | null): string {
  return `stint-outcomes${from ? `-${from}` : ''}${to ? `-${to}` : ''}.csv`;
}
