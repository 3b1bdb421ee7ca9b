import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { SessionService } from '@stint/dashboard-session';

const ROLE_LABEL = { pm: 'Product manager', manager: 'Manager', admin: 'Programme admin' } as const;

@Component({
  selector: 'app-home-page',
  imports: [MatCardModule],
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

  constructor() {
    void this.session.refresh().catch(() => undefined);
  }
}
