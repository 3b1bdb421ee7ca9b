import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { Placement } from '@stint/contracts';
import type { BarSource } from './timeline-layout';
import { describeError } from '@stint/dashboard-session';
import { formatRange, Loading } from '@stint/dashboard-ui';
import { firstValueFrom } from 'rxjs';
import { PlacementsService } from '../placements/placements.service';

export interface MoveDialogData {
  placement: BarSource;
  /** "Ana Lopez in NA SMB". */
  subject: string;
  startDate: string;
  endDate: string;
  /** "1 week later". */
  shift: string;
}

/**
 * Confirms a move made on the timeline (a drag, or the arrow keys) and sends
 * it: the API checks every rule again and answers in words when one fails,
 * which is shown here. Closes with the moved placement, or nothing.
 */
@Component({
  selector: 'lib-timeline-move-dialog',
  imports: [MatDialogModule, MatButtonModule, Loading],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './move-dialog.scss',
  templateUrl: './move-dialog.html',
})
export class MoveDialog {
  protected readonly data = inject<MoveDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<MoveDialog, Placement>>(MatDialogRef);
  private readonly api = inject(PlacementsService);
  protected readonly busy = signal(false);
  /** The API's refusal, in its words. */
  readonly error = signal<string | null>(null);
  protected readonly current = formatRange(this.data.placement.startDate, this.data.placement.endDate);
  protected readonly proposed = formatRange(this.data.startDate, this.data.endDate);

  async confirm(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const { placement, startDate } = this.data;
      this.ref.close(await firstValueFrom(this.api.reschedule(placement.id, startDate, placement.durationWeeks)));
    } catch (error) {
      this.error.set(describeError(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}
