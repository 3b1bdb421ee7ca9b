import { Route } from '@angular/router';
import { roleGuard } from '@stint/dashboard-session';

/**
 * The PM's screens, mounted lazily at the root: planning (PMs, and managers or
 * admins planning for a PM via `?pmId=`), their own rotations, and the
 * check-in page that reminder emails link to.
 */
export const PM_ROUTES: Route[] = [
  {
    path: 'plan',
    canActivate: [roleGuard('pm', 'manager', 'admin')],
    loadComponent: () => import('./plan/plan-page').then((m) => m.PlanPage),
    title: 'Plan a rotation · Stint',
  },
  {
    path: 'my-rotations',
    canActivate: [roleGuard('pm')],
    loadComponent: () => import('./my-rotations/my-rotations-page').then((m) => m.MyRotationsPage),
    title: 'My rotations · Stint',
  },
  {
    path: 'check-ins/:id',
    loadComponent: () => import('./check-in/check-in-page').then((m) => m.CheckInPage),
    title: 'Check-in · Stint',
  },
];
