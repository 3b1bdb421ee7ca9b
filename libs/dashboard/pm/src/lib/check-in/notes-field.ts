import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { fieldError } from '@stint/dashboard-ui';

/** A free-text answer of a check-in form (notes, a comment), up to 10,000 characters. */
@Component({
  selector: 'lib-notes-field',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './check-in-cards.scss',
  templateUrl: './notes-field.html',
})
export class NotesField {
  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<string>();
  readonly hint = input('');
  readonly rows = input(4);

  protected error(): string | null {
    const control = this.control();
    return control.invalid
      ? fieldError(control, { maxlength: `${this.label()} must be at most 10,000 characters.` })
      : null;
  }
}
