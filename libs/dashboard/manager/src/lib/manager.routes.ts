import { Route } from '@angular/router';
import { roleGuard } from '@stint/dashboard-session';

const managers = [roleGuard('manager', 'admin')];

/**
 * The manager screens; the app mounts them lazily at the root. Each screen is
 * its own chunk, so a screen's code loads only with that screen.
 * `check-ins` is the tracker; `check-ins/:id` belongs to the PM library.
 */
export const MANAGER_ROUTES: Route[] = [
  {
    path: 'approvals',
    canActivate: managers,
    title: 'Approvals · Stint',
    loadComponent: () => import('./approvals/approvals-page').then((m) => m.ApprovalsPage),
  },
  {
    path: 'approvals/:id',
    canActivate: managers,
    title: 'Request · Stint',
    loadComponent: () => import('./approvals/approval-detail-page').then((m) => m.ApprovalDetailPage),
  },
  {
    path: 'waitlist',
    canActivate: managers,
    title: 'Waitlist · Stint',
    loadComponent: () => import('./waitlist/waitlist-page').then((m) => m.WaitlistPage),
  },
  {
    path: 'timeline',
    canActivate: managers,
    title: 'Timeline · Stint',
    loadComponent: () => import('./timeline/timeline-page').then((m) => m.TimelinePage),
  },
  // Every signed-in role: a PM sees their own placement read-only; the host manager or an admin can change it.
  {
    path: 'placements/:id',
    title: 'Placement · Stint',
    loadComponent: () => import('./placements/placement-detail-page').then((m) => m.PlacementDetailPage),
  },
  {
    path: 'capacity',
    canActivate: managers,
    title: 'Capacity · Stint',
    loadComponent: () => import('./capacity/capacity-page').then((m) => m.CapacityPage),
  },
  {
    path: 'check-ins',
    pathMatch: 'full',
    canActivate: managers,
    title: 'Check-ins · Stint',
    loadComponent: () => import('./check-ins/tracker-page').then((m) => m.TrackerPage),
  },
  {
    path: 'insights',
    canActivate: managers,
    title: 'Insights · Stint',
    loadComponent: () => import('./insights/insights-page').then((m) => m.InsightsPage),
  },
];
