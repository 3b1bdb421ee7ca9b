import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { AnyStatus, STATUS_LABEL } from './labels';

/** A status in words on a tinted pill; the colours keep 4.5:1 contrast. */
@Component({
  selector: 'lib-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: #e3e3e3;
      color: #303030;
    }
    :host(.s-pending_manager) {
      background: #fff0c2;
      color: #4a3800;
    }
    :host(.s-pending_host) {
      background: #ffe0b2;
      color: #4e2600;
    }
    :host(.s-booked),
    :host(.s-active) {
      background: #c4eed0;
      color: #0a3818;
    }
    :host(.s-scheduled),
    :host(.s-upcoming) {
      background: #d3e3fd;
      color: #041e49;
    }
    :host(.s-rejected),
    :host(.s-cancelled),
    :host(.s-overdue) {
      background: #ffdad6;
      color: #690005;
    }
  `,
  host: { '[class]': '"s-" + status()' },
  template: `{{ label() }}`,
})
export class StatusChip {
  readonly status = input.required<AnyStatus>();
  protected readonly label = computed(() => STATUS_LABEL[this.status()] ?? this.status());
}

/** A failure in words, with a way to try again. */
@Component({
  selector: 'lib-error-panel',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
      padding: 12px 16px;
      margin: 8px 0;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    p {
      margin: 0;
      flex: 1;
      min-width: 200px;
    }
    .mark {
      display: inline-grid;
      place-items: center;
      width: 24px;
      height: 24px;
      border-radius: 50%;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font-weight: 700;
    }
  `,
  template: `
    <span class="mark" aria-hidden="true">!</span>
    <p role="alert">{{ message() }}</p>
    @if (retryable()) {
      <button mat-stroked-button type="button" (click)="retry.emit()">Try again</button>
    }
  `,
})
export class ErrorPanel {
  readonly message = input.required<string>();
  readonly retryable = input(true);
  readonly retry = output<void>();
}

/** What an empty list means, in a sentence. */
@Component({
  selector: 'lib-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 24px 16px;
      margin: 8px 0;
      border-radius: 12px;
      border: 1px dashed var(--mat-sys-outline-variant);
      color: var(--mat-sys-on-surface-variant);
    }
    p {
      margin: 0;
    }
  `,
  template: `<p>{{ text() }}</p>`,
})
export class EmptyState {
  readonly text = input.required<string>();
}
