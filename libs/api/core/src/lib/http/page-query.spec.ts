import { settledTotal, toPage } from './page-query.dto';

const at = (page: number, pageSize = 50) => ({ page, pageSize, offset: (page - 1) * pageSize });

describe('settledTotal: an estimated total agrees with the page in hand', () => {
  it('keeps an exact total as it is', () => {
    expect(settledTotal(50, { total: 312, estimated: false }, at(2))).toEqual({ total: 312, totalEstimated: false });
  });

  it('a short page is the end of the list: its total is exact, whatever the estimate said', () => {
    expect(settledTotal(20, { total: 1050, estimated: true }, at(36))).toEqual({ total: 1770, totalEstimated: false });
    expect(settledTotal(0, { total: 12_000, estimated: true }, at(1))).toEqual({ total: 0, totalEstimated: false });
  });

  it('a full page proves one more row, so an estimate that falls short never strands the paginator', () => {
    // The planner guessed 1,050; page 21 is full, so page 22 exists.
    expect(settledTotal(50, { total: 1050, estimated: true }, at(21))).toEqual({ total: 1051, totalEstimated: true });
    expect(settledTotal(50, { total: 20_000, estimated: true }, at(3))).toEqual({
      total: 20_000,
      totalEstimated: true,
    });
  });

  it('an empty page past the end says nothing new: the estimate stays, flagged', () => {
    expect(settledTotal(0, { total: 20_000, estimated: true }, at(900))).toEqual({
      total: 20_000,
      totalEstimated: true,
    });
  });

  it('toPage applies it, and plain numbers stay without the flag', () => {
    expect(toPage(['a'], { total: 11_000, estimated: true }, at(3))).toEqual({
      items: ['a'],
      total: 101,
      page: 3,
      pageSize: 50,
      totalEstimated: false,
    });
    expect(toPage(['a'], 1, at(1))).toEqual({ items: ['a'], total: 1, page: 1, pageSize: 50 });
  });
});
