export interface Page<T> {
  items: T[];
  /** Exact up to 1,000 rows; beyond, the database's estimate when `totalEstimated` says so. */
  total: number;
  page: number;
  pageSize: number;
  /**
   * Extension (0.11.0, placements, rotation requests, check-ins): true when the
   * list holds more than 1,000 rows and `total` is an estimate ("about 20,000").
   */
  totalEstimated?: boolean;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
