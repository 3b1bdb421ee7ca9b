import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { FormSubmit } from './form-submit';

/**
 * The frame of a dialog that edits a form: title, the projected `<form>`, the error banner, a bar while saving,
 * and Cancel / submit. The submit button sits outside the form, so the form needs the `formId` as its `id`.
 */
@Component({
  selector: 'lib-form-dialog',
  imports: [MatDialogModule, MatButtonModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './form-dialog.scss',
  templateUrl: './form-dialog.html',
})
export class FormDialog {
  readonly title = input.required<string>();
  readonly formId = input.required<string>();
  readonly submitLabel = input.required<string>();
  /** The form's sending state: busy while saving, and the error that belongs to no field. */
  readonly submit = input.required<FormSubmit>();
}
