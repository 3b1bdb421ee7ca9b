import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { AuditEntry, User } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import { catchError, debounceTime, distinctUntilChanged, of } from 'rxjs';
import { injectListPage, oneOf, PAGE_SIZES, pageQuery, QueryChange } from '@stint/dashboard-ui';
import { OperationsApi } from '../data/operations.api';
import { UsersApi } from '../data/users.api';
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
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/admin-page.scss',
  styles: `
    .changes {
      margin: 0;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-small);
    }
    .changes li {
      overflow-wrap: anywhere;
      max-width: 480px;
    }
    .id {
      font-family: monospace;
      font-size: 0.85em;
    }
    .entity {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
    }
  `,
  template: `
    <div class="head"><h1>Audit trail</h1></div>
    <p class="lead">
      Who did what, and when, for every state change. Narrow it to one request or placement to read its whole story.
    </p>
    <div class="filters" role="search" aria-label="Filter the audit trail">
      <mat-form-field appearance="outline">
        <mat-label>Entity type</mat-label>
        <mat-select
          [value]="query().entityType"
          (valueChange)="navigate({ entityType: $event, page: null })"
          data-testid="entity-type-filter"
        >
          <mat-option [value]="null">Everything</mat-option>
          @for (type of types; track type) {
            <mat-option [value]="type">{{ entityLabel[type] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" class="grow">
        <mat-label>Entity id</mat-label>
        <input matInput [formControl]="entityId" placeholder="e.g. a request or placement id" autocomplete="off" />
        @if (entityId.invalid) {
          <mat-error>Entity id must be a UUID.</mat-error>
        }
      </mat-form-field>
      @if (query().entityId || query().entityType) {
        <button mat-button type="button" (click)="clear()">Clear filters</button>
      }
    </div>

    @if (entries(); as state) {
      @if (state.status === 'loading') {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the audit trail" />
      }
      <div class="table-wrap" tabindex="0" role="region" aria-label="Audit entries">
        @if (state.status === 'error') {
          <p class="error" role="alert">Could not load the audit trail: {{ state.message }}</p>
        } @else if (state.status === 'ready') {
          <table mat-table [dataSource]="state.value.items" data-testid="audit-table">
            <ng-container matColumnDef="at">
              <th mat-header-cell *matHeaderCellDef scope="col">When</th>
              <td mat-cell *matCellDef="let e" class="nowrap">{{ when(e.at) }}</td>
            </ng-container>
            <ng-container matColumnDef="actor">
              <th mat-header-cell *matHeaderCellDef scope="col">Who</th>
              <td mat-cell *matCellDef="let e">{{ actor(e.actorId) }}</td>
            </ng-container>
            <ng-container matColumnDef="action">
              <th mat-header-cell *matHeaderCellDef scope="col">Action</th>
              <td mat-cell *matCellDef="let e">{{ e.action }}</td>
            </ng-container>
            <ng-container matColumnDef="entity">
              <th mat-header-cell *matHeaderCellDef scope="col">Subject</th>
              <td mat-cell *matCellDef="let e">
                <div class="entity">
                  <span
                    >{{ typeLabel(e.entityType) }} <span class="id">{{ e.entityId.slice(0, 8) }}</span></span
                  >
                  @if (e.entityType === 'placement') {
                    <a [routerLink]="['/placements', e.entityId]">Open placement</a>
                  }
                  @if (e.entityType !== 'policy' && e.entityId !== query().entityId) {
                    <a
                      [routerLink]="[]"
                      [queryParams]="{ entityType: e.entityType, entityId: e.entityId, page: null }"
                      queryParamsHandling="merge"
                      >Its whole trail</a
                    >
                  }
                </div>
              </td>
            </ng-container>
            <ng-container matColumnDef="changes">
              <th mat-header-cell *matHeaderCellDef scope="col">Changes</th>
              <td mat-cell *matCellDef="let e">
                <ul class="changes">
                  @for (c of changes(e); track c.field) {
                    <li>
                      <strong>{{ c.field }}</strong
                      >: {{ c.before }} → {{ c.after }}
                    </li>
                  } @empty {
                    <li class="muted">No field changes recorded.</li>
                  }
                </ul>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
          @if (!state.value.items.length) {
            <p class="empty">Nothing recorded for these filters.</p>
          }
          <mat-paginator
            [length]="state.value.total"
            [pageIndex]="state.value.page - 1"
            [pageSize]="state.value.pageSize"
            [pageSizeOptions]="pageSizes"
            (page)="page($event)"
            aria-label="Pages of audit entries"
          />
        }
      </div>
    }
  `,
})
export class AuditPage {
  private readonly api = inject(OperationsApi);
  private readonly usersApi = inject(UsersApi);
  private readonly timeZone = inject(SessionService).user()?.timezone ?? 'UTC';

  protected readonly types = ENTITY_TYPES;
  protected readonly entityLabel = ENTITY_LABEL;
  protected readonly pageSizes = [...PAGE_SIZES];
  protected readonly columns = ['at', 'actor', 'action', 'entity', 'changes'];

  private readonly list = injectListPage({
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
  protected readonly entries = this.list.state;
  private readonly people = toSignal(this.usersApi.directory().pipe(catchError(() => of<User[]>([]))), {
    initialValue: [],
  });
  private readonly names = computed(() => new Map(this.people().map((u) => [u.id, u.name])));

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

  protected actor(id: string | null): string {
    return id ? (this.names().get(id) ?? 'Someone') : 'Stint (system)';
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

  protected page(event: PageEvent): void {
    this.list.page(event);
  }
}
