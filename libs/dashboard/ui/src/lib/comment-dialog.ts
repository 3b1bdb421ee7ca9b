import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogConfig, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom, Observable } from 'rxjs';
import type { DescribeError } from './loadable';
import { Loading } from './loading';

/** The words and the call behind a dialog that needs a comment before it acts. */
export interface CommentDialogData<R> {
  title: string;
  /** The sentence above the field. */
  intro: string;
  /** The field's label (its accessible name). */
  label: string;
  /** Shown when the field is empty or blank. */
  required: string;
  /** Announced while the call runs. */
  busy: string;
  /** The button that closes without acting. */
  dismiss: string;
  /** The submit button. */
  submit: string;
  rows?: number;
  maxLength?: number;
  /** Put the focus in the field when the dialog opens. */
  focusField?: boolean;
  /** Sends the comment; the dialog closes with its answer. */
  send: (comment: string) => Observable<R>;
  describeError: DescribeError;
}

/** A text dialog with a required comment (reject, cancel, feedback): sends it, shows failures in words. */
@Component({
  selector: 'lib-comment-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './comment-dialog.scss',
  templateUrl: './comment-dialog.html',
})
export class CommentDialog<R> {
  protected readonly data = inject<CommentDialogData<R>>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<CommentDialog<R>, R>>(MatDialogRef);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup({
    comment: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, (c) => (String(c.value).trim() ? null : { blank: true })],
    }),
  });

  async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      this.ref.close(await firstValueFrom(this.data.send(this.form.controls.comment.value)));
    } catch (error) {
      this.error.set(this.data.describeError(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}

/** Opens a comment dialog; resolves with the call's answer, or undefined when dismissed. */
export function askForComment<R>(
  dialog: MatDialog,
  data: CommentDialogData<R>,
  config: Omit<MatDialogConfig<CommentDialogData<R>>, 'data'> = {},
): Promise<R | undefined> {
  return firstValueFrom(
    dialog
      .open<CommentDialog<R>, CommentDialogData<R>, R>(CommentDialog, { width: 'min(520px, 94vw)', ...config, data })
      .afterClosed(),
  );
}
