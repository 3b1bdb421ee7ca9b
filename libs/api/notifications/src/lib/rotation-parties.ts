/** Someone an email about a rotation goes to, with the time zone and locale their dates are written in. */
export interface Person {
  id: string;
  name: string;
  email: string;
  timezone: string;
  /** Their BCP 47 locale preference; null or absent: en-GB. */
  locale?: string | null;
}

/** The people and team around a rotation, for emails and invites. */
export interface RotationParties {
  pm: Person;
  lineManager: Person | null;
  hostManager: Person;
  team: { id: string; name: string; timezone: string; holidayCountry: string | null };
}

/** Each person once, in order (a line manager may also be the host manager). */
export function uniquePeople(people: Array<Person | null>): Person[] {
  const seen = new Set<string>();
  const result: Person[] = [];
  for (const p of people) {
    if (p && !seen.has(p.id)) {
      seen.add(p.id);
      result.push(p);
    }
  }
  return result;
}
