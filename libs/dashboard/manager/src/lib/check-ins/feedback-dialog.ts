import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CheckIn } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { firstValueFrom } from 'rxjs';
import { Loading } from '../shared/ui';
import { CheckInsService } from './check-ins.service';

export interface FeedbackDialogData {
  checkIn: CheckIn;
  /** "Kick-off with Lena Hoffmann, 4 Jan 2027". */
  subject: string;
}

/** A manager's feedback on one check-in; the answer is the check-in with the feedback added. */
@Component({
  selector: 'lib-feedback-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `mat-form-field { width: 100%; } .error { color: var(--mat-sys-error); margin: 0 0 8px; } p { margin-top: 0; }`,
  template: `
    <h2 mat-dialog-title>Add feedback</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <p>{{ data.subject }}</p>
        <mat-form-field appearance="outline">
          <mat-label>Feedback</mat-label>
          <textarea matInput formControlName="text" rows="4" required maxlength="4000"></textarea>
          @if (form.controls.text.hasError('required') || form.controls.text.hasError('blank')) {
            <mat-error>Write some feedback first.</mat-error>
          }
        </mat-form-field>
        @if (error(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
        <lib-loading [active]="busy()" label="Saving feedback…" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="busy()">Save feedback</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class FeedbackDialog {
  protected readonly data = inject<FeedbackDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<FeedbackDialog, CheckIn>>(MatDialogRef);
  private readonly api = inject(CheckInsService);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup({
    text: new FormControl('', { nonNullable: true, validators: [Validators.required, (c) => (String(c.value).trim() ? null : { blank: true })] }),
  });

  async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      this.ref.close(await firstValueFrom(this.api.addFeedback(this.data.checkIn.id, this.form.controls.text.value)));
    } catch (error) {
      this.error.set(describeError(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}
