import { convertToParamMap } from '@angular/router';
import { intParam, oneOf, pageKeys, pageQuery } from './list-query';

describe('list query params', () => {
  it('reads whole numbers within bounds and ignores nonsense', () => {
    expect(intParam('3', 1)).toBe(3);
    expect(intParam('0', 1)).toBe(1);
    expect(intParam('-2', 1)).toBe(1);
    expect(intParam('abc', 7)).toBe(7);
    expect(intParam('500', 20, 1, 200)).toBe(200);
    expect(intParam(null, 20)).toBe(20);
  });

  it('accepts only known values', () => {
    expect(oneOf('booked', ['booked', 'rejected'] as const)).toBe('booked');
    expect(oneOf('drop table', ['booked'] as const)).toBeNull();
  });

  it('reads paging, optionally under a prefix', () => {
    const params = convertToParamMap({
      page: '2',
      pageSize: '50',
      placementsPage: '3',
    });
    expect(pageQuery(params)).toEqual({ page: 2, pageSize: 50 });
    expect(pageQuery(params, 'placements', 10)).toEqual({
      page: 3,
      pageSize: 10,
    });
    expect(pageKeys()).toEqual({ page: 'page', pageSize: 'pageSize' });
    expect(pageKeys('failed')).toEqual({ page: 'failedPage', pageSize: 'failedPageSize' });
  });
});
