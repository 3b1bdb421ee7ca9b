import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionService } from '@stint/dashboard-session';
import { map } from 'rxjs';
import { navFor } from './nav-items';

@Component({
  selector: 'app-shell',
  imports: [
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatIconModule,
    MatButtonModule,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './shell.scss',
  template: `
    <mat-toolbar color="primary" class="toolbar">
      @if (handset()) {
        <button mat-icon-button type="button" aria-label="Toggle navigation" (click)="drawer.toggle()">
          <mat-icon>menu</mat-icon>
        </button>
      }
      <a class="brand" routerLink="/">Stint</a>
      <span class="spacer"></span>
      @if (session.user(); as user) {
        <span class="who" data-testid="signed-in-user">{{ user.name }} · {{ user.role }}</span>
        <button mat-button type="button" (click)="session.logout()">Sign out</button>
      }
    </mat-toolbar>
    <mat-sidenav-container class="container">
      <mat-sidenav #drawer [mode]="handset() ? 'over' : 'side'" [opened]="!handset()" class="sidenav">
        <mat-nav-list aria-label="Main navigation">
          @for (item of items(); track item.link) {
            <a
              mat-list-item
              [routerLink]="item.link"
              routerLinkActive="active"
              [routerLinkActiveOptions]="{ exact: item.link === '/' }"
            >
              <mat-icon matListItemIcon>{{ item.icon }}</mat-icon>
              <span matListItemTitle>{{ item.label }}</span>
            </a>
          }
        </mat-nav-list>
      </mat-sidenav>
      <mat-sidenav-content>
        <main class="content"><router-outlet /></main>
      </mat-sidenav-content>
    </mat-sidenav-container>
  `,
})
export class Shell {
  protected readonly session = inject(SessionService);
  protected readonly handset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 799px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly items = computed(() => navFor(this.session.user()?.role));
}
