import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal, Type } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { SessionService } from '@stint/dashboard-session';
import { CalendarFeedCard } from './calendar-feed-card';

const ROLE_LABEL = { pm: 'Product manager', manager: 'Manager', admin: 'Programme admin' } as const;

@Component({
  selector: 'app-home-page',
  imports: [MatCardModule, NgComponentOutlet, CalendarFeedCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
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
