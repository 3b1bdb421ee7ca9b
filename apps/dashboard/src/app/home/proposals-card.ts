import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import type { TodayProposal } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { formatRange, plural } from '@stint/dashboard-ui';
import { firstValueFrom } from 'rxjs';

/**
 * A PM's requests whose host proposed other dates (their team is full on the
 * dates asked for): accept to move the request there, or decline to keep it.
 */
@Component({
  selector: 'app-proposals-card',
  imports: [MatCardModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './proposals-card.html',
  styleUrl: './proposals-card.scss',
})
export class ProposalsCard {
  private readonly http = inject(HttpClient);
  readonly proposals = input.required<TodayProposal[]>();
  readonly total = input.required<number>();
  /** An answer was taken (or the proposal was gone): the home reloads. */
  readonly answered = output<void>();

  protected readonly busy = signal<string | null>(null);
  protected readonly result = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly formatRange = formatRange;
  protected readonly plural = plural;

  protected async answer(p: TodayProposal, verb: 'accept' | 'decline'): Promise<void> {
    this.busy.set(p.requestId);
    this.error.set(null);
    this.result.set(null);
    try {
      await firstValueFrom(
        this.http.post(`/api/rotation-requests/${encodeURIComponent(p.requestId)}/${verb}-proposal`, {}),
      );
      this.result.set(
        verb === 'accept'
          ? `Accepted: your request for ${p.teamName} now asks for ${formatRange(p.proposedStartDate, p.proposedEndDate)}. The host confirms it next.`
          : `Declined: your request for ${p.teamName} keeps ${formatRange(p.startDate, p.endDate)}.`,
      );
      this.answered.emit();
    } catch (error) {
      const { message, body } = describeError(error);
      this.error.set(
        body?.code === 'CAPACITY_FULL'
          ? `${formatRange(p.proposedStartDate, p.proposedEndDate)} is no longer free in ${p.teamName}; your request keeps its dates. Ask the host for another start.`
          : message,
      );
      if (body?.code === 'INVALID_STATE') this.answered.emit();
    } finally {
      this.busy.set(null);
    }
  }
}
