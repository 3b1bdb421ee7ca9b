import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { Page, RotationRequest } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import { confirmAction, formatRange, loadable, LOADING, valueOf } from '@stint/dashboard-ui';
import { combineLatest, firstValueFrom, forkJoin, Observable, of, startWith, Subject, switchMap } from 'rxjs';
import { PmApi } from '../data/pm-api.service';
import { OfferCard } from './offer-card';
import { offerError, waitlistLine } from './offer-text';

interface Outcome {
  text: string;
  placementId: string | null;
}

const NONE: Page<RotationRequest> = { items: [], total: 0, page: 1, pageSize: 50 };

/**
 * The signed-in PM's places held for them (offers out of a team's waitlist) as prominent cards, and, when
 * asked, where they stand in line. Shown on the home page and at the top of My rotations; `highlight` is
 * the request an offer email links to (`?offer=`).
 */
@Component({
  selector: 'lib-pm-offers',
  imports: [RouterLink, MatProgressBarModule, OfferCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './pm-offers.scss',
  templateUrl: './pm-offers.html',
})
export class PmOffers {
  private readonly api = inject(PmApi);
  private readonly dialog = inject(MatDialog);

  /** The request whose offer to bring into view and mark (the email's `?offer=`). */
  readonly highlight = input<string | null>(null);
  /** Also list the PM's requests waiting in a team's line, with their place in it. */
  readonly showWaitlist = input(false);
  /** An offer was accepted or declined (or found lapsed): the PM's requests and placements changed. */
  readonly changed = output<void>();

  protected readonly timeZone = inject(SessionService).user()?.timezone ?? 'UTC';
  protected readonly busy = signal<string | null>(null);
  protected readonly message = signal<Outcome | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly waitlistLine = waitlistLine;

  private readonly reloads = new Subject<void>();
  protected readonly state = toSignal(
    combineLatest([toObservable(this.showWaitlist), this.reloads.pipe(startWith(undefined))]).pipe(
      switchMap(([withLine]) =>
        loadable(
          forkJoin({ offers: this.mine('offered'), waiting: withLine ? this.mine('waitlisted') : of(NONE) }),
          describeError,
        ),
      ),
    ),
    { initialValue: LOADING },
  );
  protected readonly offers = computed(() => valueOf(this.state())?.offers.items ?? []);
  protected readonly waiting = computed(() => valueOf(this.state())?.waiting.items ?? []);
  /** The email's offer is no longer out (accepted, declined, lapsed): say so rather than show nothing. */
  protected readonly gone = computed(() => {
    const id = this.highlight();
    return !!id && this.state().status === 'ready' && !this.offers().some((r) => r.id === id) && !this.message();
  });

  protected range(r: RotationRequest): string {
    return formatRange(r.startDate, r.endDate);
  }

  protected async accept(request: RotationRequest): Promise<void> {
    await this.act(request, async () => {
      const booked = await firstValueFrom(this.api.acceptOffer(request.id));
      const team = booked.teamName || request.teamName || 'the team';
      return { text: `Booked: ${team}, ${this.range(booked)}.`, placementId: booked.placementId };
    });
  }

  protected async decline(request: RotationRequest): Promise<void> {
    const team = request.teamName || 'the team';
    const yes = await confirmAction(this.dialog, {
      title: 'Decline this place?',
      message: `The place held for you in ${team}, ${this.range(request)}, goes to the next PM in line and your request is withdrawn. This cannot be undone.`,
      confirm: 'Decline place',
      cancel: 'Keep it',
    });
    if (!yes) return;
    await this.act(request, async () => {
      await firstValueFrom(this.api.declineOffer(request.id));
      return { text: `Declined: the place in ${team} goes to the next PM in line.`, placementId: null };
    });
  }

  /** One answer to an offer: busy meanwhile, then the outcome (or why not) and everything reloaded. */
  private async act(request: RotationRequest, run: () => Promise<Outcome>): Promise<void> {
    this.busy.set(request.id);
    this.error.set(null);
    this.message.set(null);
    try {
      this.message.set(await run());
    } catch (error) {
      const { message, body } = describeError(error);
      this.error.set(offerError(message, body, this.timeZone));
    } finally {
      this.busy.set(null);
      this.reloads.next();
      this.changed.emit();
    }
  }

  private mine(status: 'offered' | 'waitlisted'): Observable<Page<RotationRequest>> {
    return this.api.requests({ status, pageSize: 50 });
  }
}
