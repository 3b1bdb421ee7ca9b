import type { WaitlistEntry } from '@stint/contracts';
import { canMove, entryStatus, moveInLine, toView } from './waitlist-order';

function entry(requestId: string, position: number | null, offerExpiresAt: string | null = null): WaitlistEntry {
  return {
    requestId,
    pmId: `pm-${requestId}`,
    pmName: `PM ${requestId}`,
    startDate: '2099-03-01',
    endDate: '2099-03-14',
    durationWeeks: 2,
    status: position === null ? 'offered' : 'waitlisted',
    waitlistPosition: position,
    waitlistedAt: '2099-01-01T09:00:00.000Z',
    offerExpiresAt,
  };
}

/** As the API lists it: the offer out first, then the line. */
const items = [entry('o', null, '2099-01-03T12:00:00.000Z'), entry('a', 1), entry('b', 2), entry('c', 3)];

describe('moveInLine', () => {
  it('swaps a request with the one before or after it, leaving the offers out of the order', () => {
    expect(moveInLine(items, 'b', 'up')).toEqual(['b', 'a', 'c']);
    expect(moveInLine(items, 'b', 'down')).toEqual(['a', 'c', 'b']);
    expect(moveInLine(items, 'a', 'down')).toEqual(['b', 'a', 'c']);
  });

  it('cannot move the first up, the last down, an offer or a stranger', () => {
    expect(moveInLine(items, 'a', 'up')).toBeNull();
    expect(moveInLine(items, 'c', 'down')).toBeNull();
    expect(moveInLine(items, 'o', 'down')).toBeNull();
    expect(moveInLine(items, 'zz', 'up')).toBeNull();
    expect(canMove(items, entry('a', 1), 'up')).toBe(false);
    expect(canMove(items, entry('a', 1), 'down')).toBe(true);
  });

  it('leaves the list it was given alone', () => {
    moveInLine(items, 'c', 'up');
    expect(items.map((e) => e.requestId)).toEqual(['o', 'a', 'b', 'c']);
  });
});

describe('entryStatus', () => {
  const now = Date.parse('2099-01-03T07:30:00.000Z');

  it("gives an offer's hold in the viewer's zone and the time left", () => {
    expect(entryStatus(items[0] as WaitlistEntry, 'Europe/Berlin', now)).toBe(
      'Held until Sat 3 Jan 2099, 13:00 CET (4 hours 30 minutes left)',
    );
  });

  it('gives the place in line', () => {
    expect(entryStatus(entry('a', 1), 'UTC', now)).toBe('Next in line');
    expect(entryStatus(entry('b', 2), 'UTC', now)).toBe('Waiting, number 2 in line');
  });
});

describe('toView', () => {
  it('makes the waitlist one whole page with its team', () => {
    const view = toView({ teamId: 't1', teamName: 'NA SMB', capacity: 2, items });
    expect(view).toMatchObject({ teamId: 't1', teamName: 'NA SMB', capacity: 2, total: 4, page: 1, pageSize: 4 });
    expect(toView({ teamId: 't1', teamName: 'NA SMB', capacity: 2, items: [] }).pageSize).toBe(1);
  });
});
