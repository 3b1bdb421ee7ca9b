import { DOCUMENT } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CalendarFeedLink } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { confirmAction } from '@stint/dashboard-ui';
import { firstValueFrom } from 'rxjs';
import { webcalUrl } from './calendar-feed-link';

/**
 * The signed-in user's personal calendar feed. The API shows a feed's address only when it makes one (there is no
 * way to read it back), and making another stops the previous one working, so this card holds the address only
 * while it is open and asks before replacing a link.
 */
@Component({
  selector: 'app-calendar-feed-card',
  imports: [MatButtonModule, MatCardModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './calendar-feed-card.html',
  styleUrl: './calendar-feed-card.scss',
})
export class CalendarFeedCard {
  private readonly http = inject(HttpClient);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly document = inject(DOCUMENT);
  private readonly linkInput = viewChild<ElementRef<HTMLInputElement>>('linkInput');

  protected readonly url = signal<string | null>(null);
  protected readonly webcal = computed(() => {
    const url = this.url();
    return url ? webcalUrl(url) : null;
  });
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected async create(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      const link = await firstValueFrom(this.http.post<CalendarFeedLink>('/api/me/calendar-feed', {}));
      this.url.set(link.url);
    } catch (error) {
      this.failure.set(`Could not make a calendar link: ${describeError(error).message}`);
    } finally {
      this.busy.set(false);
    }
  }

  /** A new link in place of the one shown, once the user has agreed that the old one stops working. */
  protected async renew(): Promise<void> {
    const yes = await confirmAction(this.dialog, {
      title: 'Make a new calendar link?',
      message:
        'The link you have now stops working at once: calendars subscribed to it stop updating until you subscribe again with the new link.',
      confirm: 'Make a new link',
      cancel: 'Keep this link',
    });
    if (yes) await this.create();
  }

  /** Copies the link; without the Clipboard API (or its permission) selects it for the user to copy. */
  protected async copy(): Promise<void> {
    const url = this.url();
    if (!url) return;
    const clipboard = this.document.defaultView?.navigator.clipboard;
    try {
      if (!clipboard?.writeText) throw new Error('No Clipboard API');
      await clipboard.writeText(url);
      this.snackBar.open('Link copied', undefined, { duration: 3000 });
    } catch {
      const input = this.linkInput()?.nativeElement;
      input?.focus();
      input?.select();
      this.snackBar.open('The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.', 'OK', { duration: 8000 });
    }
  }
}
