import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Placement } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { firstValueFrom } from 'rxjs';
import { Loading } from '../shared/ui';
import { PlacementsService } from './placements.service';

export interface CancelDialogData {
  placement: Placement;
  subject: string;
}

/** Cancelling needs a reason; future check-ins are cancelled and invites withdrawn. */
@Component({
  selector: 'lib-cancel-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `mat-form-field { width: 100%; } .error { color: var(--mat-sys-error); margin: 0 0 8px; } p { margin-top: 0; }`,
  template: `
    <h2 mat-dialog-title>Cancel placement</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <p>{{ data.subject }}. Its future check-ins are cancelled and everyone's invites withdrawn. This cannot be undone.</p>
        <mat-form-field appearance="outline">
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="3" required></textarea>
          @if (form.controls.reason.hasError('required') || form.controls.reason.hasError('blank')) {
            <mat-error>Say why the placement is cancelled.</mat-error>
          }
        </mat-form-field>
        @if (error(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
        <lib-loading [active]="busy()" label="Cancelling…" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Keep it</button>
        <button mat-flat-button type="submit" [disabled]="busy()">Cancel placement</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class CancelDialog {
  protected readonly data = inject<CancelDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<CancelDialog, Placement>>(MatDialogRef);
  private readonly api = inject(PlacementsService);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup({
    reason: new FormControl('', { nonNullable: true, validators: [Validators.required, (c) => (String(c.value).trim() ? null : { blank: true })] }),
  });

  async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      this.ref.close(await firstValueFrom(this.api.cancel(this.data.placement.id, this.form.controls.reason.value)));
    } catch (error) {
      this.error.set(describeError(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}
