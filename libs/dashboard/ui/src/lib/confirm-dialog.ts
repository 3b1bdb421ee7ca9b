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
  templateUrl: './confirm-dialog.html',
  styleUrl: './confirm-dialog.scss',
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
