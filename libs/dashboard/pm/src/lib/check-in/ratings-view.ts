import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { RatingsBySkill } from '@stint/contracts';
import { skillLabel, skillsOf } from './skills';

/** Ratings read back: a meter and "n of 5" per skill, in the policy's order. */
@Component({
  selector: 'lib-ratings-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './check-in-cards.scss',
  templateUrl: './ratings-view.html',
})
export class RatingsView {
  readonly ratings = input.required<RatingsBySkill>();
  readonly skills = input.required<readonly string[]>();
  readonly label = input<(skill: string) => string>(skillLabel);

  protected readonly shown = computed(() => skillsOf(this.ratings(), this.skills()));
}
