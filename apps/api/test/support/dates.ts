/** Calendar days as the API writes them (YYYY-MM-DD, UTC). */

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A query string from its parameters. */
export const q = (params: Record<string, string>): string => new URLSearchParams(params).toString();
