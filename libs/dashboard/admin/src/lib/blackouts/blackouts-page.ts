import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Blackout, BlackoutCreated, Team, User } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { catchError, firstValueFrom, of } from 'rxjs';
import { confirmAction, fieldError, injectListPage, PAGE_SIZES, pageQuery, QueryChange } from '@stint/dashboard-ui';
import { BlackoutsApi } from '../data/blackouts.api';
import { TeamsApi } from '../data/teams.api';
import { UsersApi } from '../data/users.api';
import { applyApiErrors } from '../shared/api-form-errors';
import { formatRange } from '../util/format';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The API's rule, in its words: `endsOn must be on or after startsOn`. */
export const blackoutRangeValidator: ValidatorFn = (control) => {
  const start = control.parent?.get('startsOn')?.value as string | undefined;
  const end = control.value as string;
  return start && end && ISO_DATE.test(start) && ISO_DATE.test(end) && end < start
    ? { range: 'The end must be on or after the start.' }
    : null;
};

@Component({
  selector: 'lib-blackouts-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/admin-page.scss',
  styles: `
    .grid {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 16px;
      align-items: start;
      margin-bottom: 16px;
    }
    form {
      display: flex;
      flex-direction: column;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .row mat-form-field {
      flex: 1 1 160px;
    }
    .result {
      border-left: 4px solid var(--mat-sys-tertiary);
    }
    .affected {
      padding-left: 20px;
    }
    .affected li {
      margin-bottom: 4px;
    }
    @media (max-width: 999px) {
      .grid {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
  template: `
    <div class="head"><h1>Blackouts</h1></div>
    <p class="lead">
      Days when a team, or every team, cannot host rotations (kick-offs, quarter-end). New requests cannot touch them;
      placements already booked are listed, never cancelled.
    </p>

    <div class="grid">
      <mat-card appearance="outlined">
        <mat-card-content>
          <h2 id="new-blackout">New blackout</h2>
          <form [formGroup]="form" (ngSubmit)="create()" aria-labelledby="new-blackout">
            <mat-form-field appearance="outline">
              <mat-label>Applies to</mat-label>
              <mat-select formControlName="teamId" data-testid="blackout-scope">
                <mat-option value="">Every team (global)</mat-option>
                @for (team of teamList(); track team.id) {
                  <mat-option [value]="team.id">{{ team.name }}</mat-option>
                }
              </mat-select>
              @if (form.controls.teamId.invalid) {
                <mat-error>{{ fieldError(form.controls.teamId) }}</mat-error>
              }
            </mat-form-field>
            <div class="row">
              <mat-form-field appearance="outline">
                <mat-label>First day</mat-label>
                <input matInput type="date" formControlName="startsOn" required />
                @if (form.controls.startsOn.invalid) {
                  <mat-error>{{
                    fieldError(form.controls.startsOn, {
                      required: 'Enter the first day.',
                      pattern: 'Enter a date like 2027-03-29.',
                    })
                  }}</mat-error>
                }
              </mat-form-field>
              <mat-form-field appearance="outline">
                <mat-label>Last day</mat-label>
                <input matInput type="date" formControlName="endsOn" required />
                @if (form.controls.endsOn.invalid) {
                  <mat-error>{{
                    fieldError(form.controls.endsOn, {
                      required: 'Enter the last day.',
                      pattern: 'Enter a date like 2027-04-02.',
                    })
                  }}</mat-error>
                }
              </mat-form-field>
            </div>
            <mat-form-field appearance="outline">
              <mat-label>Reason</mat-label>
              <input matInput formControlName="reason" maxlength="500" />
              <mat-hint>Shown to PMs whose dates it blocks, e.g. "Sales kick-off".</mat-hint>
              @if (form.controls.reason.invalid) {
                <mat-error>{{
                  fieldError(form.controls.reason, { maxlength: 'Reason must be at most 500 characters.' })
                }}</mat-error>
              }
            </mat-form-field>
            @if (formError(); as message) {
              <p class="error" role="alert">{{ message }}</p>
            }
            @if (busy()) {
              <mat-progress-bar mode="indeterminate" aria-label="Adding the blackout" />
            }
            <div><button mat-flat-button type="submit" [disabled]="busy()">Add blackout</button></div>
          </form>
        </mat-card-content>
      </mat-card>

      @if (created(); as c) {
        <mat-card appearance="outlined" class="result" data-testid="blackout-result">
          <mat-card-content>
            <h2 #resultHeading tabindex="-1">Blackout added</h2>
            <p>
              {{ scopeName(c.teamId) }}, {{ formatRange(c.startsOn, c.endsOn) }}{{ c.reason ? ' — ' + c.reason : '' }}.
            </p>
            @if (c.affectedPlacements.length) {
              <p data-testid="affected-count">
                <strong
                  >{{ c.affectedPlacements.length }} booked
                  {{ c.affectedPlacements.length === 1 ? 'placement overlaps' : 'placements overlap' }} it.</strong
                >
                They are not cancelled: reschedule or cancel them if the team cannot host then.
              </p>
              <ul class="affected" data-testid="affected-placements">
                @for (p of c.affectedPlacements; track p.id) {
                  <li>
                    <a [routerLink]="['/placements', p.id]">{{ personName(p.pmId) }} in {{ teamName(p.teamId) }}</a
                    >,
                    {{ formatRange(p.startDate, p.endDate) }}
                  </li>
                }
              </ul>
            } @else {
              <p data-testid="affected-count">No booked placement falls in it.</p>
            }
          </mat-card-content>
        </mat-card>
      }
    </div>

    <div class="filters" role="search" aria-label="Filter blackouts">
      <mat-form-field appearance="outline">
        <mat-label>Team</mat-label>
        <mat-select [value]="query().teamId" (valueChange)="navigate({ teamId: $event, page: null })">
          <mat-option [value]="null">All blackouts</mat-option>
          @for (team of teamList(); track team.id) {
            <mat-option [value]="team.id">{{ team.name }} and global</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>

    @if (blackouts(); as state) {
      @if (state.status === 'loading') {
        <mat-progress-bar mode="indeterminate" aria-label="Loading blackouts" />
      }
      <div class="table-wrap" tabindex="0" role="region" aria-label="Blackouts">
        @if (state.status === 'error') {
          <p class="error" role="alert">Could not load blackouts: {{ state.message }}</p>
        } @else if (state.status === 'ready') {
          <table mat-table [dataSource]="state.value.items" data-testid="blackouts-table">
            <ng-container matColumnDef="scope">
              <th mat-header-cell *matHeaderCellDef scope="col">Applies to</th>
              <td mat-cell *matCellDef="let b">{{ scopeName(b.teamId) }}</td>
            </ng-container>
            <ng-container matColumnDef="dates">
              <th mat-header-cell *matHeaderCellDef scope="col">Days</th>
              <td mat-cell *matCellDef="let b" class="nowrap">{{ formatRange(b.startsOn, b.endsOn) }}</td>
            </ng-container>
            <ng-container matColumnDef="reason">
              <th mat-header-cell *matHeaderCellDef scope="col">Reason</th>
              <td mat-cell *matCellDef="let b">{{ b.reason || '—' }}</td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col" class="actions">
                <span class="sr-only">Actions</span>
              </th>
              <td mat-cell *matCellDef="let b" class="actions">
                <button
                  mat-button
                  type="button"
                  class="danger"
                  (click)="remove(b)"
                  [attr.aria-label]="'Delete blackout ' + (b.reason || '') + ' ' + formatRange(b.startsOn, b.endsOn)"
                >
                  Delete
                </button>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
          @if (!state.value.items.length) {
            <p class="empty">No blackouts{{ query().teamId ? ' for this team' : '' }}.</p>
          }
          <mat-paginator
            [length]="state.value.total"
            [pageIndex]="state.value.page - 1"
            [pageSize]="state.value.pageSize"
            [pageSizeOptions]="pageSizes"
            (page)="page($event)"
            aria-label="Pages of blackouts"
          />
        }
      </div>
    }
  `,
})
export class BlackoutsPage {
  private readonly api = inject(BlackoutsApi);
  private readonly teamsApi = inject(TeamsApi);
  private readonly usersApi = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly formatRange = formatRange;
  protected readonly fieldError = fieldError;
  protected readonly pageSizes = [...PAGE_SIZES];
  protected readonly columns = ['scope', 'dates', 'reason', 'actions'];
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly created = signal<BlackoutCreated | null>(null);
  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');
  private readonly formDirective = viewChild(FormGroupDirective);

  private readonly list = injectListPage({
    read: (p) => {
      const teamId = p.get('teamId');
      return { teamId: teamId && UUID.test(teamId) ? teamId : null, ...pageQuery(p) };
    },
    fetch: (q) => this.api.list(q),
    describeError,
  });
  protected readonly query = this.list.query;
  protected readonly blackouts = this.list.state;
  protected readonly teamList = toSignal(this.teamsApi.all().pipe(catchError(() => of<Team[]>([]))), {
    initialValue: [],
  });
  private readonly people = toSignal(this.usersApi.directory().pipe(catchError(() => of<User[]>([]))), {
    initialValue: [],
  });
  private readonly teamNames = computed(() => new Map(this.teamList().map((t) => [t.id, t.name])));
  private readonly personNames = computed(() => new Map(this.people().map((u) => [u.id, u.name])));

  protected readonly form = new FormGroup({
    teamId: new FormControl('', { nonNullable: true }),
    startsOn: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(ISO_DATE)],
    }),
    endsOn: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(ISO_DATE), blackoutRangeValidator],
    }),
    reason: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] }),
  });

  constructor() {
    this.form.controls.startsOn.valueChanges.subscribe(() =>
      this.form.controls.endsOn.updateValueAndValidity({ emitEvent: false }),
    );
  }

  protected scopeName(teamId: string | null): string {
    return teamId ? (this.teamNames().get(teamId) ?? 'A team') : 'Every team (global)';
  }

  protected teamName(teamId: string): string {
    return this.teamNames().get(teamId) ?? 'a team';
  }

  protected personName(id: string): string {
    return this.personNames().get(id) ?? 'A PM';
  }

  protected navigate(change: QueryChange): void {
    this.list.navigate(change);
  }

  protected page(event: PageEvent): void {
    this.list.page(event);
  }

  async create(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const { teamId, startsOn, endsOn, reason } = this.form.getRawValue();
    this.busy.set(true);
    this.formError.set(null);
    try {
      const created = await firstValueFrom(
        this.api.create({ teamId: teamId || null, startsOn, endsOn, reason: reason.trim() }),
      );
      this.created.set(created);
      const n = created.affectedPlacements.length;
      this.snackBar.open(
        n ? `Blackout added. ${n} booked placement${n === 1 ? ' overlaps' : 's overlap'} it.` : 'Blackout added.',
        'OK',
        { duration: 6000 },
      );
      // resetForm also forgets the submission, so the emptied fields do not show errors.
      this.formDirective()?.resetForm({ teamId: '', startsOn: '', endsOn: '', reason: '' });
      this.list.reload();
      setTimeout(() => this.resultHeading()?.nativeElement.focus());
    } catch (error) {
      const { message, body } = describeError(error);
      this.formError.set(
        applyApiErrors(this.form, body, message, {
          teamId: 'Team',
          startsOn: 'First day',
          endsOn: 'Last day',
          reason: 'Reason',
        }),
      );
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(blackout: Blackout): Promise<void> {
    const yes = await confirmAction(this.dialog, {
      title: 'Delete this blackout?',
      message: `${this.scopeName(blackout.teamId)}, ${formatRange(blackout.startsOn, blackout.endsOn)}${blackout.reason ? ` (${blackout.reason})` : ''} will be open for rotations again.`,
      confirm: 'Delete blackout',
    });
    if (!yes) return;
    try {
      await firstValueFrom(this.api.remove(blackout.id));
      this.snackBar.open('Blackout deleted.', 'OK', { duration: 5000 });
      this.list.reload();
    } catch (error) {
      this.snackBar.open(`Could not delete: ${describeError(error).message}`, 'OK', { duration: 8000 });
    }
  }
}
