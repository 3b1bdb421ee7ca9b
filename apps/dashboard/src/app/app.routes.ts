import { Route } from '@angular/router';
import { roleGuard, signedInGuard } from '@stint/dashboard-session';
import { LoginPage } from './login/login-page';
import { Shell } from './shell/shell';

/**
 * Each feature library brings its own lazily loaded routes:
 * manager (approvals, timeline, placements, capacity, check-in tracker, insights),
 * pm (plan a rotation, my rotations, check-in reflections), admin (users, teams,
 * blackouts, policy, email log, queues, audit).
 */
export const appRoutes: Route[] = [
  { path: 'login', component: LoginPage, title: 'Sign in · Stint' },
  {
    path: '',
    component: Shell,
    canActivate: [signedInGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () => import('./home/home-page').then((m) => m.HomePage),
        title: 'Home · Stint',
      },
      {
        path: 'admin',
        canActivate: [roleGuard('admin')],
        loadChildren: () => import('@stint/dashboard-admin').then((m) => m.ADMIN_ROUTES),
      },
      { path: '', loadChildren: () => import('@stint/dashboard-pm').then((m) => m.PM_ROUTES) },
      { path: '', loadChildren: () => import('@stint/dashboard-manager').then((m) => m.MANAGER_ROUTES) },
      {
        path: '**',
        loadComponent: () => import('./home/not-found-page').then((m) => m.NotFoundPage),
        title: 'Not found · Stint',
      },
    ],
  },
];
