import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCardModule } from '@angular/material/card';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CheckIn } from '@stint/contracts';
import { fieldError } from '@stint/dashboard-ui';
import { PmApi } from '../data/pm-api.service';
import { formatDay, formatInstant } from '../util/date-format';
import { CheckInFiling } from './check-in-submit';
import { FormFooter } from './form-footer';
import { NotesField } from './notes-field';
import { RatingFields } from './rating-fields';
import { RatingsView } from './ratings-view';
import { ratingsForm, ratingsOf } from './skills';

/**
 * The line manager's pulse some weeks after the PM's return (a `pulse` check-in): how well the PM applies each
 * skill now, whether they would send another PM, and a comment. Only the PM's line manager answers it, once;
 * the PM and everyone else who can see it read the answer.
 */
@Component({
  selector: 'lib-pulse-card',
  imports: [ReactiveFormsModule, MatCardModule, MatRadioModule, RatingFields, NotesField, FormFooter, RatingsView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './check-in-cards.scss',
  templateUrl: './pulse-card.html',
})
export class PulseCard {
  readonly checkIn = input.required<CheckIn>();
  readonly pmName = input.required<string>();
  readonly skills = input.required<readonly string[]>();
  /** The viewer is the PM's line manager (the only one the API lets answer). */
  readonly canGive = input(false);
  /** The viewer is the PM the pulse is about. */
  readonly isPm = input(false);
  /** The day the pulse opens, while still ahead; null once open. */
  readonly opensOn = input<string | null>(null);
  readonly timeZone = input('UTC');
  readonly saved = output<CheckIn>();
  readonly stale = output<void>();

  private readonly api = inject(PmApi);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly formatDay = formatDay;

  /** Each skill's question, which is also its radio group's accessible name. */
  protected readonly question = computed(() => {
    const pm = this.pmName();
    return (skill: string) => `How well does ${pm} apply ${skill} now?`;
  });

  protected readonly form = computed(
    () =>
      new FormGroup({
        ratings: ratingsForm(this.skills()),
        wouldSendAgain: new FormControl<boolean | null>(null, { validators: [Validators.required] }),
        comment: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(10_000)] }),
      }),
  );
  protected readonly filing = computed(() => new CheckInFiling(this.form(), () => this.stale.emit()));

  protected sendAgainError(): string | null {
    const control = this.form().controls.wouldSendAgain;
    if (!control.invalid || !(control.touched || this.filing().submitted())) return null;
    return fieldError(control, { required: 'Answer yes or no.' });
  }

  protected when(instant: string): string {
    return formatInstant(instant, this.timeZone());
  }

  async give(): Promise<void> {
    const { ratings, wouldSendAgain, comment } = this.form().controls;
    await this.filing().file(
      () =>
        [
          ratings.invalid ? 'Rate every skill from 1 to 5 before saving.' : '',
          wouldSendAgain.invalid ? 'Say whether you would send another PM.' : '',
        ]
          .filter(Boolean)
          .join(' '),
      () =>
        this.api.givePulse(this.checkIn().id, {
          ratings: ratingsOf(ratings),
          wouldSendAgain: wouldSendAgain.value === true,
          comment: comment.value.trim(),
        }),
      (saved) => {
        this.snackBar.open(`Pulse saved. Thank you: it tells the programme what ${this.pmName()} kept.`, 'OK', {
          duration: 5000,
        });
        this.saved.emit(saved);
      },
    );
  }
}
