import { Route } from '@angular/router';
import { signedInGuard } from '@stint/dashboard-session';
import { LoginPage } from './login/login-page';
import { Shell } from './shell/shell';

export const appRoutes: Route[] = [
  { path: 'login', component: LoginPage, title: 'Sign in · Stint' },
  {
    path: '',
    component: Shell,
    canActivate: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', loadComponent: () => import('./home/home-page').then((m) => m.HomePage), title: 'Home · Stint' },
      { path: '**', loadComponent: () => import('./home/not-found-page').then((m) => m.NotFoundPage), title: 'Not found · Stint' },
    ],
  },
];
