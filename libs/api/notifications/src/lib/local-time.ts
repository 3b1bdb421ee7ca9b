/** An instant as the person reads it: "Mon 11 Jan 2027, 10:00 (Europe/Berlin)". */
export function localTime(instant: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(instant);
  return `${text} (${timeZone})`;
}
