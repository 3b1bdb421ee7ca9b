import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import type { RotationRequest } from '@stint/contracts';
import { formatInstant, formatRange, injectNow, isPast, timeLeft } from '@stint/dashboard-ui';
import { weeksLabel } from '../util/date-format';

/**
 * A place held for the PM after waiting in a team's line: the team and dates, a countdown to when the hold
 * ends (moving every 30 s), and Accept / Decline. The parent makes the calls; a highlighted card (the email's
 * link) is scrolled into view.
 */
@Component({
  selector: 'lib-offer-card',
  imports: [MatButtonModule, MatCardModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './offer-card.scss',
  templateUrl: './offer-card.html',
})
export class OfferCard {
  readonly request = input.required<RotationRequest>();
  readonly timeZone = input.required<string>();
  readonly highlighted = input(false);
  readonly busy = input(false);
  readonly accept = output<void>();
  readonly decline = output<void>();

  private readonly now = injectNow(30_000);
  protected readonly team = computed(() => this.request().teamName || 'the team');
  protected readonly dates = computed(() => {
    const r = this.request();
    return `${formatRange(r.startDate, r.endDate)} · ${weeksLabel(r.durationWeeks)}`;
  });
  protected readonly until = computed(() => formatInstant(this.request().offerExpiresAt, this.timeZone()));
  protected readonly left = computed(() => timeLeft(this.request().offerExpiresAt, this.now()));
  protected readonly over = computed(() => isPast(this.request().offerExpiresAt, this.now()));

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterNextRender(() => {
      if (this.highlighted() && typeof host.scrollIntoView === 'function')
        host.scrollIntoView({ block: 'center', behavior: 'smooth' });
    });
  }
}
