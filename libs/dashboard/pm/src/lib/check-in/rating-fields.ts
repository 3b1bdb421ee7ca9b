import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatRadioModule } from '@angular/material/radio';
import { fieldError } from '@stint/dashboard-ui';
import { RatingsForm, skillLabel } from './skills';

/**
 * One 1–5 radio group per skill, each named by its legend (the skill, or a question about it), with the
 * reason under it once the form was sent or the group touched.
 */
@Component({
  selector: 'lib-rating-fields',
  imports: [ReactiveFormsModule, MatRadioModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './check-in-cards.scss',
  templateUrl: './rating-fields.html',
})
export class RatingFields {
  readonly group = input.required<RatingsForm>();
  readonly skills = input.required<readonly string[]>();
  /** Makes the legends' ids unique on the page. */
  readonly idPrefix = input.required<string>();
  /** The legend of a skill's group: its accessible name. */
  readonly question = input<(skill: string) => string>(skillLabel);
  readonly submitted = input(false);

  protected readonly levels = [1, 2, 3, 4, 5];

  protected error(skill: string): string | null {
    const control = this.group().controls[skill];
    if (!control?.invalid || !(control.touched || this.submitted())) return null;
    return fieldError(control, {
      required: `Rate ${skill} from 1 to 5.`,
      min: `${skillLabel(skill)} must be from 1 to 5.`,
      max: `${skillLabel(skill)} must be from 1 to 5.`,
    });
  }
}
