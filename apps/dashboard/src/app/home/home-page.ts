import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal, Type } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { TodayCheckIn, TodayCheckInPart } from '@stint/contracts';
import { SessionService } from '@stint/dashboard-session';
import { formatDay, formatInstantInZone, formatRange, Loading, plural } from '@stint/dashboard-ui';
import { CalendarFeedCard } from './calendar-feed-card';
import { ProposalsCard } from './proposals-card';
import { TodayStore } from './today.store';
import { firstValueFrom } from 'rxjs';

const ROLE_LABEL = { pm: 'Product manager', manager: 'Manager', admin: 'Programme admin' } as const;

const KIND_LABEL: Record<string, string> = {
  kickoff: 'Kickoff',
  weekly: 'Weekly check-in',
  midpoint: 'Midpoint',
  final: 'Final retrospective',
  follow_up: 'Follow-up',
  pulse: 'Pulse after return',
};

const PART_LABEL: Record<TodayCheckInPart, string> = {
  reflect: 'Your reflection',
  assess: 'Give your assessment',
  pulse: 'Give the pulse',
  follow: 'Add feedback',
};

/** Each role's home: what needs them today, from one call (GET /api/me/today), each item linking where it is done. */
@Component({
  selector: 'app-home-page',
  imports: [
    MatCardModule,
    MatButtonModule,
    MatIconModule,
    NgComponentOutlet,
    RouterLink,
    CalendarFeedCard,
    Loading,
    ProposalsCard,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
})
export class HomePage {
  protected readonly session = inject(SessionService);
  protected readonly store = inject(TodayStore);
  protected readonly roleLabel = ROLE_LABEL;
  protected readonly kindLabel = KIND_LABEL;
  protected readonly partLabel = PART_LABEL;
  protected readonly formatDay = formatDay;
  protected readonly formatRange = formatRange;
  protected readonly plural = plural;
  /** A PM's places held for them out of a team's waitlist, and where they stand in line (the PM library's panel). */
  protected readonly offers = signal<Type<unknown> | null>(null);
  protected readonly today = computed(() => {
    const state = this.store.state();
    return state.status === 'ready' ? state.value : null;
  });
  protected readonly zone = computed(() => this.session.user()?.timezone ?? 'UTC');
  protected readonly nothingToDo = computed(() => {
    const t = this.today();
    return (
      !!t &&
      !t.approvalsAwaitingMe.length &&
      !t.proposalsAwaitingMe.length &&
      !t.checkInsDue.length &&
      !t.overdueCheckIns.length &&
      !t.upcomingPlacements.length &&
      !t.teamsNearCapacity.length
    );
  });

  constructor() {
    void this.session.refresh().catch(() => undefined);
    void this.store.refresh();
    // Loaded like the PM's routes (the same lazy chunk), so the home page stays small for everyone else.
    if (this.session.user()?.role === 'pm')
      void import('@stint/dashboard-pm').then((m) => this.offers.set(m.PmOffers)).catch(() => undefined);
  }

  private readonly dialog = inject(MatDialog);

  /** Opens the profile editor (loaded on first use, so the home page stays small). */
  protected async editProfile(): Promise<void> {
    const user = this.session.user();
    if (!user) return;
    const { ProfileDialog } = await import('./profile-dialog');
    const saved = await firstValueFrom(this.dialog.open(ProfileDialog, { data: user }).afterClosed());
    if (saved) {
      await this.session.refresh().catch(() => undefined);
      void this.store.refresh();
    }
  }

  /** `Tue 12 Jan 2027, 10:00 CET`: the viewer's profile zone, named. */
  protected when(instant: string): string {
    return formatInstantInZone(instant, this.zone());
  }

  protected checkInLink(c: TodayCheckIn): string[] {
    return ['/check-ins', c.checkInId];
  }

  protected placementLink(placementId: string): string[] {
    return this.session.user()?.role === 'pm' ? ['/my-rotations'] : ['/placements', placementId];
  }
}
