import { nearCapacity, partOf } from './today.service';

describe('partOf: what the caller does with a check-in', () => {
  const row = { kind: 'weekly', pm_id: 'pm', line_manager_id: 'line', host_manager_id: 'host', assessed: false };

  it('the PM reflects on every check-in but the pulse, which is the line manager’s', () => {
    expect(partOf(row, 'pm')).toBe('reflect');
    expect(partOf({ ...row, kind: 'pulse' }, 'pm')).toBe('follow');
    expect(partOf({ ...row, kind: 'pulse' }, 'line')).toBe('pulse');
    expect(partOf({ ...row, kind: 'pulse' }, 'host')).toBe('follow');
  });

  it('the host assesses the final until the assessment is given; everything else they follow', () => {
    expect(partOf({ ...row, kind: 'final' }, 'host')).toBe('assess');
    expect(partOf({ ...row, kind: 'final', assessed: true }, 'host')).toBe('follow');
    expect(partOf(row, 'host')).toBe('follow');
    expect(partOf({ ...row, kind: 'final' }, 'line')).toBe('follow');
    expect(partOf(row, 'admin')).toBe('follow');
  });
});

describe('nearCapacity', () => {
  const teams = [
    { id: 'a', name: 'Alpha', capacity: 5 },
    { id: 'b', name: 'Beta', capacity: 2 },
    { id: 'c', name: 'Gamma', capacity: 0 },
  ];

  it('keeps teams whose busiest day uses 80 % of the places or more, fullest first, with the first such day', () => {
    const bookings = [
      ...Array.from({ length: 4 }, () => ({ team_id: 'a', start_date: '2031-03-10', end_date: '2031-03-14' })),
      { team_id: 'b', start_date: '2031-03-03', end_date: '2031-03-21' },
      { team_id: 'b', start_date: '2031-03-12', end_date: '2031-03-13' },
    ];
    expect(nearCapacity(teams, bookings, '2031-03-01', '2031-04-25')).toEqual([
      { teamId: 'b', teamName: 'Beta', capacity: 2, peakBooked: 2, peakOn: '2031-03-12' },
      { teamId: 'a', teamName: 'Alpha', capacity: 5, peakBooked: 4, peakOn: '2031-03-10' },
    ]);
  });

  it('leaves out teams below 80 %, bookings outside the window, and teams without places', () => {
    const bookings = [
      ...Array.from({ length: 3 }, () => ({ team_id: 'a', start_date: '2031-03-10', end_date: '2031-03-14' })),
      { team_id: 'b', start_date: '2031-06-01', end_date: '2031-06-12' },
      { team_id: 'b', start_date: '2031-06-01', end_date: '2031-06-12' },
    ];
    expect(nearCapacity(teams, bookings, '2031-03-01', '2031-04-25')).toEqual([]);
  });
});
