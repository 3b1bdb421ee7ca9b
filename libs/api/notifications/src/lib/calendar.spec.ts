import { buildFeed, buildInvite } from './calendar';

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
