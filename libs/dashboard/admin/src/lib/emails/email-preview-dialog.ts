import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { DomSanitizer, SafeResourceUrl } from '@angular/platform-browser';

export interface EmailPreviewData {
  id: string;
  subject: string;
  recipient: string;
}

/**
 * An email as sent, in a sandboxed frame: the API serves the body under a
 * policy that runs no script and loads nothing from elsewhere, and the frame
 * adds its own sandbox on top.
 */
@Component({
  selector: 'lib-email-preview-dialog',
  imports: [MatDialogModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .frame {
      width: min(720px, 80vw);
      height: 60vh;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: #fff;
    }
    .to {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ data.subject }}</h2>
    <mat-dialog-content>
      <p class="to">To {{ data.recipient }}</p>
      <iframe
        class="frame"
        sandbox=""
        [src]="url"
        [title]="'The email ' + data.subject"
        data-testid="email-body-frame"
      ></iframe>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
})
export class EmailPreviewDialog {
  protected readonly data = inject<EmailPreviewData>(MAT_DIALOG_DATA);
  /** Same origin and a fixed path with a UUID: the only URL this frame ever opens. */
  protected readonly url: SafeResourceUrl = inject(DomSanitizer).bypassSecurityTrustResourceUrl(
    `/api/notifications/${encodeURIComponent(this.data.id)}/body`,
  );
}
