export interface Page<T> {
  items: T[];
  /**
   * Exact up to 10,000 rows (1,000 in 0.11.0); beyond, the database's estimate when `totalEstimated` says so, never
   * less than the rows the page proves (a full page: at least one more). A short page's total is exact.
   */
  total: number;
  page: number;
  pageSize: number;
  /**
   * Extension (0.11.0, placements, rotation requests, check-ins): true when the
   * list holds more than 10,000 rows (1,000 in 0.11.0) and `total` is an estimate ("about 20,000").
   */
  totalEstimated?: boolean;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
