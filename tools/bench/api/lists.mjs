// What the dashboard lists, as paths per role: each measured in `npm run bench` with its own health beside it.
import { addDays } from '../seed.mjs';
import { PAGE_SIZE } from './config.mjs';

// Issue 17: every list's p50 at most 5× the health check's p50, for every role.
export const LIST_TARGET = { text: 'p50 ≤ 5× health', check: (r, h) => r.p50 <= 5 * h.p50 };

const random = (n) => Math.floor(Math.random() * n);

/**
 * The lists the dashboard's screens read. Paged lists take a random page among those the role can see
 * (`pagesOf` is filled in from a probe of page 1), so deep pages count as much as the first.
 */
export function dashboardLists(today) {
  const from = addDays(today, -30);
  const to = addDays(today, 61); // a timeline window of about three months
  const paged = (path) => ({
    paged: true,
    pathFor: (pages) => `${path}${path.includes('?') ? '&' : '?'}page=${1 + random(pages)}&pageSize=${PAGE_SIZE}`,
    label: `GET ${path}${path.includes('?') ? '&' : '?'}page=…&pageSize=${PAGE_SIZE}`,
  });
  const fixed = (path) => ({ paged: false, pathFor: () => path, label: `GET ${path}` });
  return [
    { key: 'placements', ...paged('/api/placements') },
    { key: 'rotation-requests', ...paged('/api/rotation-requests') },
    { key: 'check-ins', ...paged('/api/check-ins') },
    { key: 'timeline', ...fixed(`/api/timeline?from=${from}&to=${to}`) },
    { key: 'stats/capacity', ...fixed(`/api/stats/capacity?from=${from}&to=${to}`) },
    { key: 'stats/overview', ...fixed('/api/stats/overview') },
    { key: 'stats/outcomes', ...fixed('/api/stats/outcomes') },
    { key: 'me/today', ...fixed('/api/me/today') },
  ];
}

/** How many pages a paged list has for a role, from the `total` of its first page (1 when it gives none). */
export function pagesIn(body) {
  const total = Number(body?.total ?? body?.estimatedTotal ?? 0);
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}
