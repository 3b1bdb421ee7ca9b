import { Route } from '@angular/router';

/** The programme admin's screens, mounted lazily under /admin behind the app's admin-only guard. */
export const ADMIN_ROUTES: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'users' },
  { path: 'users', loadComponent: () => import('./users/users-page').then((m) => m.UsersPage), title: 'Users · Stint' },
  { path: 'teams', loadComponent: () => import('./teams/teams-page').then((m) => m.TeamsPage), title: 'Teams · Stint' },
  {
    path: 'import',
    loadComponent: () => import('./import/import-page').then((m) => m.ImportPage),
    title: 'Import · Stint',
  },
  {
    path: 'blackouts',
    loadComponent: () => import('./blackouts/blackouts-page').then((m) => m.BlackoutsPage),
    title: 'Blackouts · Stint',
  },
  {
    path: 'policy',
    loadComponent: () => import('./policy/policy-page').then((m) => m.PolicyPage),
    title: 'Policy · Stint',
  },
  {
    path: 'emails',
    loadComponent: () => import('./emails/emails-page').then((m) => m.EmailsPage),
    title: 'Email log · Stint',
  },
  {
    path: 'queues',
    loadComponent: () => import('./queues/queues-page').then((m) => m.QueuesPage),
    title: 'Queues · Stint',
  },
  {
    path: 'audit',
    loadComponent: () => import('./audit/audit-page').then((m) => m.AuditPage),
    title: 'Audit trail · Stint',
  },
];
