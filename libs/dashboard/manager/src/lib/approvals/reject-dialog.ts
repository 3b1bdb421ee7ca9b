import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { RotationRequest } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { firstValueFrom } from 'rxjs';
import { Loading } from '../shared/ui';
import { ApprovalsService } from './approvals.service';

export interface RejectDialogData {
  request: RotationRequest;
  pmName: string;
  teamName: string;
}

/** Rejecting needs a comment: the PM reads it in the rejection email. */
@Component({
  selector: 'lib-reject-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `mat-form-field { width: 100%; } .error { color: var(--mat-sys-error); margin: 0 0 8px; } p { margin-top: 0; }`,
  template: `
    <h2 mat-dialog-title>Reject request</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <p>{{ data.pmName }} asked for {{ data.teamName }}. Say why you reject it; {{ data.pmName }} gets your comment by email.</p>
        <mat-form-field appearance="outline">
          <mat-label>Comment</mat-label>
          <textarea matInput formControlName="comment" rows="4" required cdkFocusInitial></textarea>
          @if (form.controls.comment.hasError('required') || form.controls.comment.hasError('blank')) {
            <mat-error>A comment is required to reject.</mat-error>
          }
        </mat-form-field>
        @if (error(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
        <lib-loading [active]="busy()" label="Rejecting…" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Keep it</button>
        <button mat-flat-button type="submit" [disabled]="busy()">Reject request</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class RejectDialog {
  protected readonly data = inject<RejectDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<RejectDialog, RotationRequest>>(MatDialogRef);
  private readonly api = inject(ApprovalsService);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup({
    comment: new FormControl('', { nonNullable: true, validators: [Validators.required, (c) => (String(c.value).trim() ? null : { blank: true })] }),
  });

  async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      this.ref.close(await firstValueFrom(this.api.reject(this.data.request.id, this.form.controls.comment.value)));
    } catch (error) {
      this.error.set(describeError(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}
