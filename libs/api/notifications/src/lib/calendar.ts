import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

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

const CALENDAR_END = 'END:VCALENDAR';

/** The UTF-8 length of one character (a surrogate pair is one), as TextEncoder counts it. */
function octets(char: string): number {
  return char.charCodeAt(0) < 0x80 ? 1 : Buffer.byteLength(char, 'utf8');
}

/**
 * Folds each line to at most 75 octets (RFC 5545 §3.1), exactly as
 * ical-generator does it (a line of 75 octets or more breaks before the
 * octet that would take it past 74, and the next part starts with a space),
 * without its TextEncoder per character: that alone was most of the time an
 * invite took to write, on every booking, while the team was locked.
 */
export function foldLines(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      if (Buffer.byteLength(line, 'utf8') <= 74) return line;
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

/**
 * An iCalendar invite (RFC 5545, iTIP METHOD per RFC 5546): REQUEST for new
 * and updated events, CANCEL (with a higher SEQUENCE) when withdrawn.
 * ical-generator writes each part; the folding is foldLines' (see there).
 */
export function buildInvite(method: 'REQUEST' | 'CANCEL', events: CalendarEventSpec[], stamp: Date): string {
  const calendar = ical({
    name: 'Stint',
    prodId: PRODUCT,
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  // The calendar without its events: a few short lines, which its own folding leaves as they are.
  const shell = calendar.toString();
  if (!shell.endsWith(CALENDAR_END)) throw new Error('ical-generator no longer ends a calendar with END:VCALENDAR');
  const written: string[] = [];
  for (const spec of events) {
    const event = calendar.createEvent({
      id: spec.uid,
      sequence: spec.sequence,
      stamp,
      summary: spec.summary,
      description: spec.description,
      url: spec.url,
      organizer: { name: calendarName(spec.organizer.name), email: spec.organizer.email },
      attendees: spec.attendees.map((a) => ({ name: calendarName(a.name), email: a.email, rsvp: false })),
      status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...timing(spec.when),
    });
    written.push(event.toString());
  }
  return shell.slice(0, -CALENDAR_END.length) + foldLines(written.join('')) + CALENDAR_END;
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
