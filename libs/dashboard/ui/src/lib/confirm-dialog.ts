import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

export interface ConfirmData {
  title: string;
  message: string;
  confirm: string;
  cancel?: string;
}

/** Asks before a destructive action; resolves true only on an explicit yes. */
@Component({
  selector: 'lib-confirm-dialog',
  imports: [MatDialogModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content
      ><p>{{ data.message }}</p></mat-dialog-content
    >
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>
        {{ data.cancel ?? 'Keep it' }}
      </button>
      <button mat-flat-button type="button" class="danger" [mat-dialog-close]="true">
        {{ data.confirm }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmData>(MAT_DIALOG_DATA);
}

export function confirmAction(dialog: MatDialog, data: ConfirmData): Promise<boolean> {
  return firstValueFrom(
    dialog
      .open<
        ConfirmDialog,
        ConfirmData,
        boolean
      >(ConfirmDialog, { data, width: 'min(440px, 92vw)', role: 'alertdialog' })
      .afterClosed(),
  ).then((answer) => answer === true);
}
