import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCardModule } from '@angular/material/card';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import { GOAL_RESULTS, type CheckIn, type GoalResult } from '@stint/contracts';
import { fieldError } from '@stint/dashboard-ui';
import { PmApi, ReflectionBody } from '../data/pm-api.service';
import { formatDay } from '../util/date-format';
import { CheckInFiling } from './check-in-submit';
import { FormFooter } from './form-footer';
import { NotesField } from './notes-field';
import { RatingFields } from './rating-fields';
import { GOAL_RESULT_LABEL, ratingsForm, ratingsOf, skillLabel } from './skills';

/**
 * The PM's reflection on their own check-in: a 1–5 rating per skill of the policy, notes, and at the final
 * check-in each learning goal of the request revisited (met, partly met, not met). Before the check-in's day
 * it says when it opens instead.
 */
@Component({
  selector: 'lib-reflection-form',
  imports: [ReactiveFormsModule, MatCardModule, MatRadioModule, RatingFields, NotesField, FormFooter],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './check-in-cards.scss',
  templateUrl: './reflection-form.html',
})
export class ReflectionForm {
  readonly checkIn = input.required<CheckIn>();
  readonly skills = input.required<readonly string[]>();
  /** The rotation's learning goals to revisit: at the final check-in only, else empty. */
  readonly goals = input<readonly string[]>([]);
  /** The day the reflection opens, while it is still ahead; null once it is open. */
  readonly opensOn = input<string | null>(null);
  readonly saved = output<CheckIn>();
  /** The check-in changed meanwhile (409): the page reads it again. */
  readonly stale = output<void>();

  private readonly api = inject(PmApi);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly formatDay = formatDay;
  protected readonly goalLabel = skillLabel;
  protected readonly results = GOAL_RESULTS;
  protected readonly resultLabel = GOAL_RESULT_LABEL;

  protected readonly form = computed(
    () =>
      new FormGroup({
        ratings: ratingsForm(this.skills()),
        goals: new FormArray(
          this.goals().map(() => new FormControl<GoalResult | null>(null, { validators: [Validators.required] })),
        ),
        notes: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(10_000)] }),
      }),
  );
  protected readonly filing = computed(() => new CheckInFiling(this.form(), () => this.stale.emit()));

  protected goalError(index: number): string | null {
    const control = this.form().controls.goals.at(index);
    if (!control.invalid || !(control.touched || this.filing().submitted())) return null;
    return fieldError(control, { required: `Say whether you met “${this.goals()[index] ?? ''}”.` });
  }

  async complete(): Promise<void> {
    const form = this.form();
    await this.filing().file(
      () =>
        [
          form.controls.ratings.invalid ? 'Rate every skill from 1 to 5 before saving.' : '',
          form.controls.goals.invalid ? 'Say for each learning goal whether you met it.' : '',
        ]
          .filter(Boolean)
          .join(' '),
      () => this.api.completeCheckIn(this.checkIn().id, this.body()),
      (saved) => {
        this.snackBar.open('Reflection saved. Here is how your ratings have moved.', 'OK', { duration: 5000 });
        this.saved.emit(saved);
      },
    );
  }

  private body(): ReflectionBody {
    const { ratings, goals, notes } = this.form().controls;
    const body: ReflectionBody = { ratings: ratingsOf(ratings), notes: notes.value.trim() };
    if (this.goals().length) {
      body.goalOutcomes = this.goals().map((goal, i) => ({ goal, result: goals.at(i).value ?? 'not_met' }));
    }
    return body;
  }
}
