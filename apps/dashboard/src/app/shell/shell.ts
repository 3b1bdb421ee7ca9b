import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import {
  NavigationCancel,
  NavigationEnd,
  NavigationError,
  NavigationStart,
  Router,
  RouterLink,
  RouterLinkActive,
  RouterOutlet,
} from '@angular/router';
import { SessionService } from '@stint/dashboard-session';
import { map } from 'rxjs';
import { TodayStore } from '../home/today.store';
import { ConnectivityService } from './connectivity';
import { NavItem, navFor } from './nav-items';

@Component({
  selector: 'app-shell',
  imports: [
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatIconModule,
    MatButtonModule,
    MatProgressBarModule,
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
    <div class="progress" aria-hidden="true">
      @if (navigating() || connectivity.busy()) {
        <mat-progress-bar mode="indeterminate" data-testid="busy" />
      }
    </div>
    @if (connectivity.problem(); as problem) {
      <div class="banner" role="alert" data-testid="connection-banner">
        <span>{{ problem }}</span>
        <button mat-stroked-button type="button" (click)="retry()">Try again</button>
      </div>
    }
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
              <span matListItemTitle
                >{{ item.label }}
                @if (badge(item.badge); as count) {
                  <span class="badge" [attr.data-testid]="'badge-' + item.badge">
                    {{ count
                    }}<span class="sr-only"> {{ item.badge === 'approvals' ? 'waiting for you' : 'overdue' }}</span>
                  </span>
                }
              </span>
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
  private readonly today = inject(TodayStore);
  protected readonly connectivity = inject(ConnectivityService);
  private readonly router = inject(Router);
  protected readonly navigating = signal(false);
  /** Where a navigation that failed (e.g. its code could not be fetched offline) was going, for "Try again". */
  private failedUrl: string | null = null;
  private readonly drawer = viewChild.required(MatSidenav);

  constructor() {
    // On a phone the drawer lies over the page: it closes once a link was followed.
    this.router.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event instanceof NavigationStart) this.navigating.set(true);
      if (event instanceof NavigationError) {
        // A page whose code could not be loaded: say so instead of silently staying put.
        this.failedUrl = event.url;
        this.connectivity.failed('network');
      }
      if (event instanceof NavigationEnd || event instanceof NavigationCancel || event instanceof NavigationError)
        this.navigating.set(false);
      if (event instanceof NavigationEnd) {
        this.failedUrl = null;
        if (this.handset()) void this.drawer().close();
        if (this.session.user()) void this.today.refresh();
      }
    });
    effect(() => {
      if (!this.session.user()) this.today.clear();
    });
  }

  /** Goes where the failed navigation was going; otherwise loads the page again. */
  protected retry(): void {
    const target = this.failedUrl;
    this.connectivity.succeeded();
    if (target) void this.router.navigateByUrl(target);
    else window.location.reload();
  }

  protected badge(kind: NavItem['badge']): number {
    if (kind === 'approvals') return this.today.approvalsBadge();
    if (kind === 'overdue') return this.today.overdueBadge();
    return 0;
  }
}
