import ical, { ICalEventStatus } from 'ical-generator';

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarEventSpec {
  /** Stable per placement or check-in: the same UID across every update and the cancel. */
  uid: string;
  /** Incremented on every change, so clients replace the old version. */
  sequence: number;
  summary: string;
  description: string;
  url: string;
  /** An all-day event over inclusive dates, or a timed event at an instant. */
  when: { allDay: { startDate: string; endDate: string } } | { at: Date; minutes: number };
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
}

/**
 * A display name as an iCalendar CN parameter may hold it: RFC 5545 quotes
 * parameter values with DQUOTE and allows no DQUOTE (and no control
 * character) inside, so those are replaced rather than escaped.
 */
export function calendarName(name: string): string {
  return (
    name
      .replace(/"/g, "'")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .trim()
  );
}

function utcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

/** An event's DTSTART/DTEND as ical-generator takes them. */
function timing(when: CalendarEventSpec['when']): { allDay?: true; start: Date; end: Date } {
  if ('allDay' in when) {
    const start = utcDate(when.allDay.startDate);
    // DTEND of an all-day event is exclusive: the day after the last day.
    return { allDay: true, start, end: new Date(utcDate(when.allDay.endDate).getTime() + 86_400_000) };
  }
  return { start: when.at, end: new Date(when.at.getTime() + when.minutes * 60_000) };
}

const PRODUCT = { company: 'Stint', product: 'Stint', language: 'EN' } as const;

/** The UTF-8 length of one character (a surrogate pair is one), as TextEncoder counts it. */
function octets(char: string): number {
  return char.charCodeAt(0) < 0x80 ? 1 : Buffer.byteLength(char, 'utf8');
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;
const ASCII_PARTS = /[^]{1,74}/g;

/**
 * Folds each line to at most 75 octets (RFC 5545 §3.1), exactly as
 * ical-generator does it (a line of 75 octets or more breaks before the
 * octet that would take it past 74, and the next part starts with a space),
 * without its TextEncoder per character.
 */
export function foldLines(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      if (Buffer.byteLength(line, 'utf8') <= 74) return line;
      // ASCII only: every character one octet, so parts of 74 characters.
      if (ASCII.test(line)) return (line.match(ASCII_PARTS) ?? []).join('\r\n ');
      let folded = '';
      let length = 0;
      for (let i = 0; i < line.length; i++) {
        let char = line.charAt(i);
        if (char >= '\ud800' && char <= '\udbff') char += line.charAt(++i);
        const size = octets(char);
        length += size;
        if (length > 74) {
          folded += '\r\n ';
          length = size;
        }
        folded += char;
      }
      return folded;
    })
    .join('\r\n');
}

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks written as `\n`. */
function text(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** A quoted parameter value (CN="…"): calendarName has taken out what cannot be quoted; backslashes escaped as ical-generator does. */
function quoted(value: string): string {
  return value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A person's `;CN="…"` parameter, or nothing when no name is left once made quotable (ical-generator leaves an
 * attendee's out then; an organizer's it refused, which would have failed a booking).
 */
function commonName(name: string): string {
  const quotable = calendarName(name);
  return quotable ? `;CN="${quoted(quotable)}"` : '';
}

/** An instant as a UTC DATE-TIME: `20270111T090000Z`. */
function utcDateTime(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** The day after an ISO date, as a DATE: `2027-01-17` → `20270118` (an all-day DTEND is exclusive). */
function dayAfter(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * One VEVENT of an invite, unfolded: the same properties, in the same order,
 * as ical-generator writes them for these fields (calendar.spec.ts holds the
 * two byte for byte). Written here because an invite is written on every
 * booking, in its transaction, and ical-generator's model cost most of that.
 */
function inviteEvent(method: 'REQUEST' | 'CANCEL', spec: CalendarEventSpec, stamp: string): string {
  const lines = [`BEGIN:VEVENT`, `UID:${spec.uid}`, `SEQUENCE:${spec.sequence}`, `DTSTAMP:${stamp}`];
  if ('allDay' in spec.when) {
    lines.push(
      `DTSTART;VALUE=DATE:${spec.when.allDay.startDate.replace(/-/g, '')}`,
      `DTEND;VALUE=DATE:${dayAfter(spec.when.allDay.endDate)}`,
      'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
      'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE',
    );
  } else {
    const end = new Date(spec.when.at.getTime() + spec.when.minutes * 60_000);
    lines.push(`DTSTART:${utcDateTime(spec.when.at)}`, `DTEND:${utcDateTime(end)}`);
  }
  lines.push(
    `SUMMARY:${text(spec.summary)}`,
    `DESCRIPTION:${text(spec.description)}`,
    `ORGANIZER${commonName(spec.organizer.name)}:mailto:${text(spec.organizer.email)}`,
  );
  for (const a of spec.attendees)
    lines.push(`ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE${commonName(a.name)}:MAILTO:${text(a.email)}`);
  if (spec.url) lines.push(`URL;VALUE=URI:${text(spec.url)}`);
  lines.push(`STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  return foldLines(lines.join('\r\n'));
}

/** The calendar around an invite's events, per METHOD (the lines ical-generator writes for it). */
function inviteCalendar(method: 'REQUEST' | 'CANCEL', events: string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Stint//Stint//EN',
    `METHOD:${method}`,
    'NAME:Stint',
    'X-WR-CALNAME:Stint',
    ...events,
    'END:VCALENDAR',
  ].join('\r\n');
}

/**
 * An iCalendar invite (RFC 5545, iTIP METHOD per RFC 5546): REQUEST for new
 * and updated events, CANCEL (with a higher SEQUENCE) when withdrawn.
 */
export function buildInvite(method: 'REQUEST' | 'CANCEL', events: CalendarEventSpec[], stamp: Date): string {
  const at = utcDateTime(stamp);
  return inviteCalendar(
    method,
    events.map((spec) => inviteEvent(method, spec, at)),
  );
}

/** An event of a subscribed calendar, with the moment it last changed (its DTSTAMP). */
export interface FeedEvent {
  spec: CalendarEventSpec;
  stamp: Date;
}

/**
 * A calendar to subscribe to (RFC 5545, no iTIP METHOD): the same events, UIDs
 * and SEQUENCEs as the emailed invites, so a client that has both shows each
 * event once. Without organizer and attendees: a feed is read, never
 * answered, and its URL should not hand out everyone's address. Each DTSTAMP
 * is the event's last change, so the text only changes when an event does.
 */
export function buildFeed(name: string, events: FeedEvent[], refreshSeconds: number): string {
  const calendar = ical({ name, prodId: PRODUCT, ttl: refreshSeconds });
  for (const { spec, stamp } of events) {
    calendar.createEvent({
      id: spec.uid,
      sequence: spec.sequence,
      stamp,
      summary: spec.summary,
      description: spec.description,
      url: spec.url,
      status: ICalEventStatus.CONFIRMED,
      ...timing(spec.when),
    });
  }
  return calendar.toString();
}
