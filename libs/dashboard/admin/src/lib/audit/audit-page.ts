import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { AuditEntry } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { injectListPage, ListTable, oneOf, pageQuery, QueryChange } from '@stint/dashboard-ui';
import { OperationsApi } from '../data/operations.api';
import { formatInstant } from '../util/format';
import { auditChanges } from './audit-diff';

/** What the API audits (`GET /api/audit?entityType=`). */
export const ENTITY_TYPES = [
  'rotation_request',
  'placement',
  'check_in',
  'user',
  'team',
  'blackout',
  'policy',
] as const;
export const ENTITY_LABEL: Record<(typeof ENTITY_TYPES)[number], string> = {
  rotation_request: 'Rotation request',
  placement: 'Placement',
  check_in: 'Check-in',
  user: 'User',
  team: 'Team',
  blackout: 'Blackout',
  policy: 'Policy',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Component({
  selector: 'lib-audit-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    ListTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/admin-page.scss', './audit-page.scss'],
  templateUrl: './audit-page.html',
})
export class AuditPage {
  private readonly api = inject(OperationsApi);
  private readonly timeZone = inject(SessionService).user()?.timezone ?? 'UTC';

  protected readonly types = ENTITY_TYPES;
  protected readonly entityLabel = ENTITY_LABEL;
  protected readonly columns = ['at', 'actor', 'summary'];

  protected readonly list = injectListPage({
    read: (p) => {
      const entityId = p.get('entityId');
      return {
        entityType: oneOf(p.get('entityType'), ENTITY_TYPES),
        entityId: entityId && UUID.test(entityId) ? entityId.toLowerCase() : null,
        ...pageQuery(p),
      };
    },
    fetch: (q) => this.api.audit(q),
    describeError,
  });
  protected readonly query = this.list.query;
  /** The entries whose details (field changes and raw JSON) are shown. */
  private readonly open = signal<ReadonlySet<string>>(new Set());

  protected readonly entityId = new FormControl(this.query().entityId ?? '', {
    nonNullable: true,
    validators: [Validators.pattern(UUID)],
  });

  constructor() {
    this.entityId.valueChanges.pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed()).subscribe((id) => {
      const trimmed = id.trim();
      if (!trimmed || UUID.test(trimmed)) this.navigate({ entityId: trimmed || null, page: null });
    });
    this.list.query$.pipe(takeUntilDestroyed()).subscribe((q) => {
      if ((q.entityId ?? '') !== this.entityId.value.trim().toLowerCase())
        this.entityId.setValue(q.entityId ?? '', { emitEvent: false });
    });
  }

  protected when(instant: string): string {
    return formatInstant(instant, this.timeZone);
  }

  protected isOpen(id: string): boolean {
    return this.open().has(id);
  }

  protected toggle(id: string): void {
    this.open.update((shown) => {
      const next = new Set(shown);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  protected json(entry: AuditEntry): string {
    return JSON.stringify(entry, null, 2);
  }

  protected typeLabel(type: string): string {
    return ENTITY_LABEL[type as keyof typeof ENTITY_LABEL] ?? type;
  }

  protected changes(entry: AuditEntry) {
    return auditChanges(entry.before, entry.after);
  }

  protected navigate(change: QueryChange): void {
    this.list.navigate(change);
  }

  protected clear(): void {
    this.navigate({ entityType: null, entityId: null, page: null });
  }
}
