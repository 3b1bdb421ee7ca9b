import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { buildFeed, buildInvite, calendarName } from './calendar';

const people = {
  organizer: { name: 'Stint', email: 'stint@localhost' },
  attendees: [{ name: 'Pat PM', email: 'pat@example.com' }],
};

function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, '');
}

describe('buildInvite', () => {
  it('makes an all-day placement event with an exclusive end, a stable UID and the given SEQUENCE', () => {
    const ics = unfold(
      buildInvite(
        'REQUEST',
        [
          {
            uid: 'placement-123@stint',
            sequence: 0,
            summary: 'Rotation: EMEA Enterprise',
            description: 'Two weeks',
            url: 'http://x/p/123',
            when: { allDay: { startDate: '2027-01-04', endDate: '2027-01-17' } },
            ...people,
          },
        ],
        new Date('2027-01-01T00:00:00Z'),
      ),
    );
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('UID:placement-123@stint');
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).toMatch(/DTSTART;VALUE=DATE:20270104/);
    expect(ics).toMatch(/DTEND;VALUE=DATE:20270118/);
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).toMatch(/ATTENDEE;[^\r\n]*pat@example\.com/);
  });

  it('makes a timed check-in event at the stored instant', () => {
    const ics = unfold(
      buildInvite(
        'REQUEST',
        [
          {
            uid: 'checkin-9@stint',
            sequence: 2,
            summary: 'Weekly check-in',
            description: '',
            url: 'http://x/c/9',
            when: { at: new Date('2027-01-11T09:00:00Z'), minutes: 30 },
            ...people,
          },
        ],
        new Date('2027-01-01T00:00:00Z'),
      ),
    );
    expect(ics).toContain('DTSTART:20270111T090000Z');
    expect(ics).toContain('DTEND:20270111T093000Z');
    expect(ics).toContain('SEQUENCE:2');
  });

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED', () => {
    const ics = unfold(
      buildInvite(
        'CANCEL',
        [
          {
            uid: 'checkin-9@stint',
            sequence: 3,
            summary: 'Weekly check-in',
            description: '',
            url: '',
            when: { at: new Date('2027-01-11T09:00:00Z'), minutes: 30 },
            ...people,
          },
        ],
        new Date(),
      ),
    );
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:3');
  });

  it('writes display names RFC 5545 allows: no escaped quotes inside a quoted CN', () => {
    const ics = unfold(
      buildInvite(
        'REQUEST',
        [
          {
            uid: 'checkin-10@stint',
            sequence: 0,
            summary: 'Kickoff',
            description: '',
            url: '',
            when: { at: new Date('2027-01-11T09:00:00Z'), minutes: 30 },
            organizer: { name: 'Stint', email: 'stint@localhost' },
            attendees: [{ name: 'Pat "The Closer" Lee', email: 'pat@example.com' }],
          },
        ],
        new Date('2027-01-01T00:00:00Z'),
      ),
    );
    const attendee = ics.split('\r\n').find((line) => line.startsWith('ATTENDEE')) ?? '';
    expect(attendee).not.toContain('\\"');
    expect(attendee).toMatch(/CN="Pat 'The Closer' Lee"/);
  });
});

describe('buildFeed', () => {
  it('publishes events without METHOD, organizer or attendees, each stamped with its own last change', () => {
    const event = (uid: string, sequence: number, when: Parameters<typeof buildFeed>[1][number]['spec']['when']) => ({
      spec: { uid, sequence, summary: uid, description: '', url: 'http://x', when, ...people },
      stamp: new Date(`2027-01-0${sequence + 1}T08:00:00Z`),
    });
    const ics = unfold(
      buildFeed(
        'Stint',
        [
          event('placement-1@stint', 1, { allDay: { startDate: '2027-01-04', endDate: '2027-01-15' } }),
          event('checkin-2@stint', 0, { at: new Date('2027-01-04T09:00:00Z'), minutes: 30 }),
        ],
        3600,
      ),
    );
    expect(ics).not.toMatch(/METHOD|ORGANIZER|ATTENDEE/);
    expect(ics).toContain('X-WR-CALNAME:Stint');
    expect(ics).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(ics).toMatch(
      /UID:placement-1@stint\r\nSEQUENCE:1\r\nDTSTAMP:20270102T080000Z\r\nDTSTART;VALUE=DATE:20270104/,
    );
    expect(ics).toMatch(/UID:checkin-2@stint\r\nSEQUENCE:0\r\nDTSTAMP:20270101T080000Z\r\nDTSTART:20270104T090000Z/);
  });
});

describe('buildInvite writes what ical-generator writes', () => {
  // buildInvite folds the lines itself (foldLines); the text must stay the very text ical-generator's own toString gives.
  function reference(method: 'REQUEST' | 'CANCEL', specs: Parameters<typeof buildInvite>[1], stamp: Date): string {
    const calendar = ical({
      name: 'Stint',
      prodId: { company: 'Stint', product: 'Stint', language: 'EN' },
      method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    });
    for (const spec of specs) {
      const allDay = 'allDay' in spec.when;
      calendar.createEvent({
        id: spec.uid,
        sequence: spec.sequence,
        stamp,
        summary: spec.summary,
        description: spec.description,
        url: spec.url,
        organizer: { name: calendarName(spec.organizer.name), email: spec.organizer.email },
        attendees: spec.attendees.map((a) => ({ name: calendarName(a.name), email: a.email, rsvp: false })),
        status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        ...('allDay' in spec.when
          ? {
              allDay,
              start: new Date(`${spec.when.allDay.startDate}T00:00:00.000Z`),
              end: new Date(new Date(`${spec.when.allDay.endDate}T00:00:00.000Z`).getTime() + 86_400_000),
            }
          : { start: spec.when.at, end: new Date(spec.when.at.getTime() + spec.when.minutes * 60_000) }),
      });
    }
    return calendar.toString();
  }

  const long = 'Stint check-in. Reflect and rate each skill: https://stint.example.com/check-ins/7e53eccb-be8a-4b6d';
  const specs: Parameters<typeof buildInvite>[1] = [
    {
      uid: 'placement-1@stint',
      sequence: 0,
      summary: 'Sales rotation: Zoë Ångström-Łukasiewicz in EMEA, Enterprise; Strategic accounts (Nordics)',
      description: `Zoë joins from 2027-01-04 to 2027-01-17. ${long} — “quoted” ✓ 🚀🚀🚀 naïve\nsecond line \\ back`,
      url: 'https://stint.example.com/placements/7e53eccb-be8a-4b6d-a62e-c89f69f972be',
      when: { allDay: { startDate: '2027-01-04', endDate: '2027-01-17' } },
      organizer: { name: 'Höst "Boss" Manager', email: 'host@example.com' },
      attendees: [
        { name: 'Zoë Ångström-Łukasiewicz', email: 'zoe.angstrom-lukasiewicz@example.com' },
        { name: '山田 太郎', email: 'taro@example.jp' },
      ],
    },
    {
      uid: 'checkin-2@stint',
      sequence: 4,
      summary: 'Weekly check-in: 🚀'.repeat(8),
      description: 'é'.repeat(80) + '🚀'.repeat(30),
      url: '',
      when: { at: new Date('2027-01-11T09:00:00Z'), minutes: 30 },
      organizer: { name: 'Stint', email: 'stint@localhost' },
      attendees: [],
    },
  ];

  it.each(['REQUEST', 'CANCEL'] as const)('%s: byte for byte, long and non-ASCII lines included', (method) => {
    const stamp = new Date('2027-01-01T00:00:00Z');
    expect(buildInvite(method, specs, stamp)).toBe(reference(method, specs, stamp));
    expect(buildInvite(method, specs.slice(1), stamp)).toBe(reference(method, specs.slice(1), stamp));
  });

  it('byte for byte where values need escaping, a description is empty and a name holds a backslash', () => {
    const odd: Parameters<typeof buildInvite>[1] = [
      {
        uid: 'checkin-3@stint',
        sequence: 1,
        summary: 'Midpoint; review, part\\two\r\nnext line\rlast',
        description: '',
        url: 'https://stint.example.com/check-ins/3?a=1,b=2;c',
        when: { at: new Date('2027-03-28T00:59:59.999Z'), minutes: 45 },
        organizer: { name: 'Back\\slash, Inc; "Org"', email: 'org,x@example.com' },
        attendees: [{ name: 'Line\nbreak', email: 'a;b@example.com' }],
      },
      {
        uid: 'placement-9@stint',
        sequence: 12,
        summary: 'Leap',
        description: 'Over a month end and a leap day',
        url: '',
        when: { allDay: { startDate: '2028-02-28', endDate: '2028-02-29' } },
        organizer: { name: 'Host', email: 'host@example.com' },
        attendees: [],
      },
    ];
    const stamp = new Date('2027-12-31T23:59:59.500Z');
    for (const method of ['REQUEST', 'CANCEL'] as const)
      expect(buildInvite(method, odd, stamp)).toBe(reference(method, odd, stamp));
  });

  it('leaves out the name of a person with none left once made quotable, as ical-generator does for an attendee', () => {
    const [, timed] = specs;
    if (!timed) throw new Error('the specs hold a timed check-in second');
    const unnamed: Parameters<typeof buildInvite>[1] = [
      { ...timed, attendees: [{ name: '\u0001', email: 'nameless@example.com' }] },
    ];
    const stamp = new Date('2027-01-01T00:00:00Z');
    expect(buildInvite('REQUEST', unnamed, stamp)).toBe(reference('REQUEST', unnamed, stamp));
    const ics = buildInvite(
      'REQUEST',
      [{ ...timed, organizer: { name: ' \u0002 ', email: 'org@example.com' } }],
      stamp,
    );
    expect(ics).toContain('\r\nORGANIZER:mailto:org@example.com\r\n');
  });

  it('folds every line to at most 75 octets', () => {
    const lines = buildInvite('REQUEST', specs, new Date()).split('\r\n');
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });
});
