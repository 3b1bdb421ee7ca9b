import { GOAL_RESULTS, type GoalOutcome, type GoalResult } from '@stint/contracts';

/** Field → message for what is wrong, or the value when it is right. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> };

/**
 * One whole number 1–5 for every skill of the policy, and nothing else: a
 * rating for a skill the programme does not rate would be silently lost, so
 * it is refused by name.
 */
export function parseRatings(value: unknown, skills: string[], field = 'ratings'): Parsed<Record<string, number>> {
  const fields: Record<string, string> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fields[field] = `${field} must be an object with a whole number from 1 to 5 for each skill: ${skills.join(', ')}.`;
    return { ok: false, fields };
  }
  const given = value as Record<string, unknown>;
  const ratings: Record<string, number> = {};
  for (const skill of skills) {
    const rating = given[skill];
    if (rating === undefined) fields[`${field}.${skill}`] = `${skill} is required: a whole number from 1 to 5.`;
    else if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5)
      fields[`${field}.${skill}`] = `${skill} must be a whole number from 1 to 5.`;
    else ratings[skill] = rating;
  }
  for (const key of Object.keys(given)) {
    if (!skills.includes(key))
      fields[`${field}.${key}`] = `"${key}" is not a skill this programme rates; the skills are ${skills.join(', ')}.`;
  }
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, value: ratings };
}

/**
 * The final check-in's verdict on each learning goal of the request: every
 * goal once, as met, partly met or not met. Absent is allowed (the PM may
 * leave the goals unrevisited); a partial or unknown list is not.
 */
export function parseGoalOutcomes(value: unknown, goals: string[]): Parsed<GoalOutcome[] | null> {
  if (value === undefined || value === null) return { ok: true, value: null };
  const field = 'goalOutcomes';
  const wanted = `one {goal, result} per learning goal (${goals.length}), result one of ${GOAL_RESULTS.join(', ')}`;
  if (!Array.isArray(value)) return { ok: false, fields: { [field]: `${field} must be a list: ${wanted}.` } };
  const fields: Record<string, string> = {};
  const seen = new Map<string, GoalResult>();
  value.forEach((item: unknown, i) => {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as { goal?: unknown; result?: unknown };
    if (typeof entry.goal !== 'string' || !goals.includes(entry.goal))
      fields[`${field}.${i}.goal`] =
        `goal must be one of the rotation's learning goals: ${goals.join('; ') || 'it has none'}.`;
    else if (seen.has(entry.goal)) fields[`${field}.${i}.goal`] = `"${entry.goal}" is listed twice.`;
    else if (!GOAL_RESULTS.includes(entry.result as GoalResult))
      fields[`${field}.${i}.result`] = `result must be one of ${GOAL_RESULTS.join(', ')}.`;
    else seen.set(entry.goal, entry.result as GoalResult);
  });
  if (!Object.keys(fields).length && seen.size !== goals.length) {
    const missing = goals.filter((g) => !seen.has(g));
    fields[field] = `Revisit every learning goal: missing ${missing.map((g) => `"${g}"`).join(', ')}.`;
  }
  if (Object.keys(fields).length) return { ok: false, fields };
  return { ok: true, value: goals.map((goal) => ({ goal, result: seen.get(goal) as GoalResult })) };
}
