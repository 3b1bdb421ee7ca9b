import { buildSlotParams, slotParamsKey, slotSearchProblem } from './slot-query';

const base = { durationWeeks: 4, earliestStart: '2027-01-04', latestEnd: '2027-06-30', teamIds: [] as string[] };

describe('buildSlotParams', () => {
  it('asks for three slots per team in the window', () => {
    expect(buildSlotParams(base)).toEqual({
      durationWeeks: '4',
      earliestStart: '2027-01-04',
      latestEnd: '2027-06-30',
      limit: '3',
    });
  });

  it('repeats teamId for each preferred team, once each, in a stable order', () => {
    expect(buildSlotParams({ ...base, teamIds: ['b', 'a', 'b'] })?.['teamId']).toEqual(['a', 'b']);
  });

  it('names the PM when a manager plans for one', () => {
    expect(buildSlotParams({ ...base, pmId: 'pm-1' })?.['pmId']).toBe('pm-1');
    expect(buildSlotParams({ ...base, pmId: null })).not.toHaveProperty('pmId');
  });

  it('does not search while the form is incomplete or the window is impossible', () => {
    expect(buildSlotParams({ ...base, durationWeeks: null })).toBeNull();
    expect(buildSlotParams({ ...base, durationWeeks: 2.5 })).toBeNull();
    expect(buildSlotParams({ ...base, earliestStart: '' })).toBeNull();
    expect(buildSlotParams({ ...base, latestEnd: '2026-12-31' })).toBeNull();
    expect(buildSlotParams({ ...base, latestEnd: '2029-06-30' })).toBeNull();
  });

  it('says why in words', () => {
    expect(slotSearchProblem({ ...base, latestEnd: '2026-12-31' })).toBe(
      'The latest end must be on or after the earliest start.',
    );
    expect(slotSearchProblem({ ...base, latestEnd: '2029-06-30' })).toBe('The window may span at most 2 years.');
    expect(slotSearchProblem(base)).toBeNull();
  });

  it('gives the same key to the same search whatever the team order', () => {
    expect(slotParamsKey(buildSlotParams({ ...base, teamIds: ['a', 'b'] }))).toBe(
      slotParamsKey(buildSlotParams({ ...base, teamIds: ['b', 'a'] })),
    );
    expect(slotParamsKey(null)).toBe('');
  });
});
