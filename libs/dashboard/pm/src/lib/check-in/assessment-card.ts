import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCardModule } from '@angular/material/card';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CheckIn } from '@stint/contracts';
import { PmApi } from '../data/pm-api.service';
import { formatDay, formatInstant } from '../util/date-format';
import { CheckInFiling } from './check-in-submit';
import { FormFooter } from './form-footer';
import { NotesField } from './notes-field';
import { RatingFields } from './rating-fields';
import { RatingsView } from './ratings-view';
import { ratingsForm, ratingsOf } from './skills';

/**
 * The host manager's assessment at the final check-in: what they saw, per skill, and notes. The host files it
 * once, from the check-in's day; everyone who can see the check-in reads it back.
 */
@Component({
  selector: 'lib-assessment-card',
  imports: [ReactiveFormsModule, MatCardModule, RatingFields, NotesField, FormFooter, RatingsView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './check-in-cards.scss',
  templateUrl: './assessment-card.html',
})
export class AssessmentCard {
  readonly checkIn = input.required<CheckIn>();
  readonly pmName = input.required<string>();
  readonly skills = input.required<readonly string[]>();
  /** The viewer is the host team's manager (the only one the API lets assess). */
  readonly canAssess = input(false);
  /** The viewer is the PM assessed. */
  readonly isPm = input(false);
  /** The day the assessment opens (the final check-in's), while still ahead; null once open. */
  readonly opensOn = input<string | null>(null);
  readonly timeZone = input('UTC');
  readonly saved = output<CheckIn>();
  readonly stale = output<void>();

  private readonly api = inject(PmApi);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly formatDay = formatDay;

  protected readonly form = computed(
    () =>
      new FormGroup({
        ratings: ratingsForm(this.skills()),
        notes: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(10_000)] }),
      }),
  );
  protected readonly filing = computed(() => new CheckInFiling(this.form(), () => this.stale.emit()));

  protected when(instant: string): string {
    return formatInstant(instant, this.timeZone());
  }

  async assess(): Promise<void> {
    const { ratings, notes } = this.form().controls;
    await this.filing().file(
      () => 'Rate every skill from 1 to 5 before saving.',
      () => this.api.assessCheckIn(this.checkIn().id, { ratings: ratingsOf(ratings), notes: notes.value.trim() }),
      (saved) => {
        this.snackBar.open(`Assessment saved. ${this.pmName()} and their line manager can read it.`, 'OK', {
          duration: 5000,
        });
        this.saved.emit(saved);
      },
    );
  }
}
