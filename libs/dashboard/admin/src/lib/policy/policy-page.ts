import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ProgrammePolicy } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { firstValueFrom } from 'rxjs';
import { applyApiErrors, fieldError } from '@stint/dashboard-ui';
import { PolicyApi } from '../data/policy.api';
import { POLICY_LABEL, policyChanges, policyErrors, PolicyField } from './policy-rules';
import { SkillsEditor } from './skills-editor';

/** Each field is checked against the whole policy, so "max ≥ min" shows under the maximum. */
function policyRule(field: PolicyField) {
  return (control: AbstractControl): ValidationErrors | null => {
    const group = control.parent;
    if (!group) return null;
    const message = policyErrors({ ...(group.getRawValue() as Partial<ProgrammePolicy>), [field]: control.value })[
      field
    ];
    return message ? { policy: message } : null;
  };
}

@Component({
  selector: 'lib-policy-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    SkillsEditor,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/admin-page.scss', './policy-page.scss'],
  templateUrl: './policy-page.html',
})
export class PolicyPage {
  private readonly api = inject(PolicyApi);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly label = POLICY_LABEL;
  protected readonly fieldError = fieldError;
  protected readonly loaded = signal<ProgrammePolicy | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected readonly form = new FormGroup({
    minWeeks: new FormControl<number | null>(null, [Validators.required, policyRule('minWeeks')]),
    maxWeeks: new FormControl<number | null>(null, [Validators.required, policyRule('maxWeeks')]),
    checkinTime: new FormControl('', { nonNullable: true, validators: [policyRule('checkinTime')] }),
    reminderLeadHours: new FormControl<number | null>(null, [Validators.required, policyRule('reminderLeadHours')]),
    overdueAfterHours: new FormControl<number | null>(null, [Validators.required, policyRule('overdueAfterHours')]),
    followUpDays: new FormControl<number | null>(null, [Validators.required, policyRule('followUpDays')]),
    offerHoldHours: new FormControl<number | null>(null, [Validators.required, policyRule('offerHoldHours')]),
    skills: new FormControl<string[]>([], { nonNullable: true, validators: [policyRule('skills')] }),
    pulseAfterDays: new FormControl<number | null>(null, [Validators.required, policyRule('pulseAfterDays')]),
    minLeadDays: new FormControl<number | null>(null, [Validators.required, policyRule('minLeadDays')]),
  });

  constructor() {
    // The maximum is judged against the minimum, so it is re-checked when the minimum moves.
    this.form.controls.minWeeks.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.form.controls.maxWeeks.updateValueAndValidity({ emitEvent: false });
      this.form.controls.maxWeeks.markAsTouched();
    });
    this.api
      .get()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (policy) => this.show(policy),
        error: (error: unknown) => this.loadError.set(describeError(error).message),
      });
  }

  /** The skills editor added or removed a skill. */
  protected setSkills(skills: string[]): void {
    const control = this.form.controls.skills;
    control.setValue(skills);
    control.markAsDirty();
    control.markAsTouched();
  }

  protected reset(): void {
    const policy = this.loaded();
    if (policy) this.show(policy);
  }

  async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.formError.set('Some values are not allowed: see the messages next to them.');
      return;
    }
    const before = this.loaded();
    if (!before) return;
    const changes = policyChanges(before, this.form.getRawValue() as ProgrammePolicy);
    if (!Object.keys(changes).length) {
      this.snackBar.open('Nothing changed.', 'OK', { duration: 3000 });
      return;
    }
    this.busy.set(true);
    this.formError.set(null);
    try {
      const saved = await firstValueFrom(this.api.update(changes));
      this.show(saved);
      this.snackBar.open('Policy saved. Requests and approvals are checked against it from now on.', 'OK', {
        duration: 6000,
      });
    } catch (error) {
      const { message, body } = describeError(error);
      this.formError.set(applyApiErrors(this.form, body, message, POLICY_LABEL));
    } finally {
      this.busy.set(false);
    }
  }

  private show(policy: ProgrammePolicy): void {
    this.loaded.set(policy);
    this.form.reset({ ...policy, skills: [...(policy.skills ?? [])] });
    this.form.updateValueAndValidity();
  }
}
