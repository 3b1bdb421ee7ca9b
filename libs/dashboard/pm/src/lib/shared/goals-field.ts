import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipSelectionChange, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/** The three skills the programme is about; PMs may add their own goals beside them. */
export const STANDARD_GOALS = [
  { value: 'negotiation', label: 'Negotiation' },
  { value: 'closing', label: 'Closing' },
  { value: 'persistence', label: 'Persistence' },
] as const;

export const MAX_GOALS = 20;
export const MAX_GOAL_LENGTH = 200;

/** The API's rules for `goals`, with its messages; plus at least one goal, since a stint is for learning something. */
export function goalsValidator(control: AbstractControl<string[] | null>): ValidationErrors | null {
  const goals = control.value ?? [];
  if (goals.length === 0) return { goals: 'Pick at least one learning goal.' };
  if (goals.length > MAX_GOALS) return { goals: `Goals may hold at most ${MAX_GOALS} entries.` };
  if (goals.some((g) => g.trim().length === 0)) return { goals: 'A goal must not be empty.' };
  if (goals.some((g) => g.length > MAX_GOAL_LENGTH))
    return { goals: `A goal must be at most ${MAX_GOAL_LENGTH} characters.` };
  return null;
}

/** The message of a goals control's error (its own rule or one the API reported). */
export function goalsError(control: AbstractControl): string | null {
  const errors = control.errors;
  if (!errors) return null;
  const message = errors['api'] ?? errors['goals'];
  return typeof message === 'string' ? message : null;
}

let nextId = 0;

@Component({
  selector: 'lib-goals-field',
  imports: [ReactiveFormsModule, MatChipsModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './goals-field.scss',
  templateUrl: './goals-field.html',
})
export class GoalsField implements OnInit {
  readonly control = input.required<FormControl<string[]>>();

  protected readonly labelId = `goals-label-${nextId}`;
  protected readonly hintId = `goals-hint-${nextId++}`;
  protected readonly draft = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(MAX_GOAL_LENGTH)],
  });
  private readonly custom = signal<string[]>([]);

  private readonly destroyRef = inject(DestroyRef);
  /** Bumped on every change of the control (value, status, touched), so the template follows it. */
  private readonly version = signal(0);

  protected readonly selected = computed(() => {
    this.version();
    return this.control().value ?? [];
  });

  protected readonly options = computed(() => [
    ...STANDARD_GOALS,
    ...this.custom().map((value) => ({ value, label: value })),
  ]);

  protected readonly touchedError = computed(() => {
    this.version();
    const control = this.control();
    return control.touched || control.dirty ? goalsError(control) : null;
  });

  ngOnInit(): void {
    const standard = new Set<string>(STANDARD_GOALS.map((g) => g.value));
    this.custom.set((this.control().value ?? []).filter((g) => !standard.has(g)));
    this.control()
      .events.pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.version.update((v) => v + 1));
  }

  /** Only the user's clicks count: the listbox also (de)selects chips itself when it re-syncs to the value. */
  protected onChipChange(goal: string, event: MatChipSelectionChange): void {
    if (event.isUserInput) this.toggle(goal, event.selected);
  }

  protected toggle(goal: string, on: boolean): void {
    const control = this.control();
    const current = control.value ?? [];
    if (on === current.includes(goal)) return;
    control.setValue(on ? [...current, goal] : current.filter((g) => g !== goal));
    control.markAsTouched();
    control.markAsDirty();
  }

  protected add(event?: Event): void {
    event?.preventDefault();
    const text = this.draft.value.trim();
    if (!text || this.draft.invalid) return;
    const known = this.options().some((o) => o.value === text);
    if (!known) this.custom.update((list) => [...list, text]);
    this.toggle(text, true);
    this.draft.reset();
  }
}
