import type { PageTotal } from '../database/page-count';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '@stint/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?page=1&pageSize=50`, pageSize ≤ 200. Extend it for list endpoints with filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100_000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be 1 or more' })
  @Max(100_000, { message: 'page must be at most 100000' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize must be 1 or more' })
  @Max(MAX_PAGE_SIZE, { message: `pageSize must be at most ${MAX_PAGE_SIZE}` })
  pageSize?: number;
}

export interface PageWindow {
  page: number;
  pageSize: number;
  offset: number;
}

export function pageWindow(query: PageQueryDto): PageWindow {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** A page as the contract answers it; a `PageTotal` (see page-count.ts) also says whether the total is estimated. */
export function toPage<T>(items: T[], total: number | PageTotal, window: PageWindow): Page<T> {
  if (typeof total === 'number') return { items, total, page: window.page, pageSize: window.pageSize };
  return { items, ...settledTotal(items.length, total, window), page: window.page, pageSize: window.pageSize };
}

/**
 * An estimated total made to agree with the page in hand: a short page (the list's end) tells the exact total,
 * and a full page proves at least one more row, so a paginator can always move on from it (the planner's
 * estimate can fall short of what a manager sees).
 */
export function settledTotal(
  count: number,
  total: PageTotal,
  window: PageWindow,
): { total: number; totalEstimated: boolean } {
  if (!total.estimated) return { total: total.total, totalEstimated: false };
  if (count < window.pageSize && (count > 0 || window.offset === 0))
    return { total: window.offset + count, totalEstimated: false };
  // An empty page past the end proves nothing about the rows before it.
  const seen = count > 0 ? window.offset + count + (count === window.pageSize ? 1 : 0) : 0;
  return { total: Math.max(total.total, seen), totalEstimated: true };
}
