import { offerExpiry } from './offer-hold';

describe('offerExpiry', () => {
  const now = new Date('2027-03-01T09:30:00Z');

  it('holds the place for the policy’s hours when the rotation starts later', () => {
    expect(offerExpiry(now, 48, '2027-03-15', 'Europe/Berlin').toISOString()).toBe('2027-03-03T09:30:00.000Z');
    expect(offerExpiry(now, 1, '2027-03-15', 'UTC').toISOString()).toBe('2027-03-01T10:30:00.000Z');
  });

  it('ends the hold when the first day of the rotation ends, in the team’s zone', () => {
    // Starts tomorrow in Berlin (UTC+1 in March): the first day ends at 23:00 UTC on 2 March.
    expect(offerExpiry(now, 48, '2027-03-02', 'Europe/Berlin').toISOString()).toBe('2027-03-02T23:00:00.000Z');
    // Starts today in New York (UTC-5): the day ends at 05:00 UTC the next morning.
    expect(offerExpiry(now, 48, '2027-03-01', 'America/New_York').toISOString()).toBe('2027-03-02T05:00:00.000Z');
  });
});
