import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal, Type } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { SessionService } from '@stint/dashboard-session';

const ROLE_LABEL = { pm: 'Product manager', manager: 'Manager', admin: 'Programme admin' } as const;

@Component({
  selector: 'app-home-page',
  imports: [MatCardModule, NgComponentOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0 0 16px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  template: `
    @if (session.user(); as user) {
      <h1>Welcome, {{ user.name }}</h1>
      @if (offers(); as panel) {
        <ng-container *ngComponentOutlet="panel; inputs: { showWaitlist: true }" />
      }
      <mat-card appearance="outlined">
        <mat-card-content>
          <dl data-testid="profile">
            <dt>Email</dt>
            <dd>{{ user.email }}</dd>
            <dt>Role</dt>
            <dd>{{ roleLabel[user.role] }}</dd>
            <dt>Time zone</dt>
            <dd>{{ user.timezone }}</dd>
          </dl>
        </mat-card-content>
      </mat-card>
    }
  `,
})
export class HomePage {
  protected readonly session = inject(SessionService);
  protected readonly roleLabel = ROLE_LABEL;
  /** A PM's places held for them out of a team's waitlist, and where they stand in line (the PM library's panel). */
  protected readonly offers = signal<Type<unknown> | null>(null);

  constructor() {
    void this.session.refresh().catch(() => undefined);
    // Loaded like the PM's routes (the same lazy chunk), so the home page stays small for everyone else.
    if (this.session.user()?.role === 'pm')
      void import('@stint/dashboard-pm').then((m) => this.offers.set(m.PmOffers)).catch(() => undefined);
  }
}
