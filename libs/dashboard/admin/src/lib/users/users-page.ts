import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { USER_ROLES, type User, type UserRole } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import { catchError, debounceTime, distinctUntilChanged, firstValueFrom, of, switchMap } from 'rxjs';
import { confirmAction, injectListPage, oneOf, PAGE_SIZES, pageQuery, QueryChange } from '@stint/dashboard-ui';
import { UsersApi } from '../data/users.api';
import { ROLE_LABEL, UserDialog, UserDialogData } from './user-dialog';

@Component({
  selector: 'lib-users-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
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
  template: `
    <div class="head">
      <h1>Users</h1>
      <button mat-flat-button type="button" (click)="create()">
        <mat-icon aria-hidden="true">person_add</mat-icon> New user
      </button>
    </div>
    <div class="filters" role="search" aria-label="Filter users">
      <mat-form-field appearance="outline" class="grow">
        <mat-label>Search name or email</mat-label>
        <input matInput [formControl]="search" type="search" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Role</mat-label>
        <mat-select [value]="query().role" (valueChange)="navigate({ role: $event, page: null })">
          <mat-option [value]="null">All roles</mat-option>
          @for (role of roles; track role) {
            <mat-option [value]="role">{{ roleLabel[role] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </div>

    @if (users(); as state) {
      @if (state.status === 'loading') {
        <mat-progress-bar mode="indeterminate" aria-label="Loading users" />
      }
      <div class="table-wrap" tabindex="0" role="region" aria-label="Users">
        @if (state.status === 'error') {
          <p class="error" role="alert">Could not load users: {{ state.message }}</p>
        } @else if (state.status === 'ready') {
          <table mat-table [dataSource]="state.value.items" data-testid="users-table">
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
              <td mat-cell *matCellDef="let u">{{ u.name }}</td>
            </ng-container>
            <ng-container matColumnDef="email">
              <th mat-header-cell *matHeaderCellDef scope="col">Email</th>
              <td mat-cell *matCellDef="let u">{{ u.email }}</td>
            </ng-container>
            <ng-container matColumnDef="role">
              <th mat-header-cell *matHeaderCellDef scope="col">Role</th>
              <td mat-cell *matCellDef="let u">{{ roleText(u.role) }}</td>
            </ng-container>
            <ng-container matColumnDef="manager">
              <th mat-header-cell *matHeaderCellDef scope="col">Line manager</th>
              <td mat-cell *matCellDef="let u">{{ managerName(u.managerId) }}</td>
            </ng-container>
            <ng-container matColumnDef="timezone">
              <th mat-header-cell *matHeaderCellDef scope="col">Time zone</th>
              <td mat-cell *matCellDef="let u">{{ u.timezone }}</td>
            </ng-container>
            <ng-container matColumnDef="status">
              <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
              <td mat-cell *matCellDef="let u">
                <span class="chip" [class.ok]="u.active" [class.bad]="!u.active">{{
                  u.active ? 'Active' : 'Deactivated'
                }}</span>
              </td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col" class="actions">
                <span class="sr-only">Actions</span>
              </th>
              <td mat-cell *matCellDef="let u" class="actions">
                <button mat-button type="button" (click)="edit(u)" [attr.aria-label]="'Edit ' + u.name">Edit</button>
                @if (u.active) {
                  <button
                    mat-button
                    type="button"
                    class="danger"
                    (click)="deactivate(u)"
                    [disabled]="u.id === me"
                    [attr.aria-label]="'Deactivate ' + u.name"
                  >
                    Deactivate
                  </button>
                } @else {
                  <button mat-button type="button" (click)="reactivate(u)" [attr.aria-label]="'Reactivate ' + u.name">
                    Reactivate
                  </button>
                }
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
          @if (!state.value.items.length) {
            <p class="empty">No users match these filters.</p>
          }
          <mat-paginator
            [length]="state.value.total"
            [pageIndex]="state.value.page - 1"
            [pageSize]="state.value.pageSize"
            [pageSizeOptions]="pageSizes"
            (page)="page($event)"
            aria-label="Pages of users"
          />
        }
      </div>
    }
  `,
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly me = inject(SessionService).user()?.id;
  protected readonly roles = USER_ROLES;
  protected readonly roleLabel = ROLE_LABEL;
  protected readonly pageSizes = [...PAGE_SIZES];
  protected readonly columns = ['name', 'email', 'role', 'manager', 'timezone', 'status', 'actions'];

  private readonly list = injectListPage({
    read: (p) => ({ role: oneOf(p.get('role'), USER_ROLES), q: (p.get('q') ?? '').slice(0, 200), ...pageQuery(p) }),
    fetch: (q) => this.api.list({ ...q, q: q.q || null }),
    describeError,
  });
  protected readonly query = this.list.query;
  protected readonly users = this.list.state;

  private readonly managers = toSignal(
    this.list.reloads.pipe(switchMap(() => this.api.managers().pipe(catchError(() => of<User[]>([]))))),
    { initialValue: [] },
  );
  private readonly managerNames = computed(() => new Map(this.managers().map((m) => [m.id, m.name])));

  protected readonly search = new FormControl(this.query().q, { nonNullable: true });

  constructor() {
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((q) => this.navigate({ q: q.trim() || null, page: null }));
  }

  protected roleText(role: UserRole): string {
    return ROLE_LABEL[role];
  }

  protected managerName(id: string | null): string {
    return id ? (this.managerNames().get(id) ?? 'Unknown') : '—';
  }

  protected navigate(change: QueryChange): void {
    this.list.navigate(change);
  }

  protected page(event: PageEvent): void {
    this.list.page(event);
  }

  protected async create(): Promise<void> {
    const created = await this.openDialog(null);
    if (created) this.done(`${created.name} can now sign in as ${ROLE_LABEL[created.role].toLowerCase()}.`);
  }

  protected async edit(user: User): Promise<void> {
    const updated = await this.openDialog(user);
    if (updated) this.done(`${updated.name} saved.`);
  }

  protected async deactivate(user: User): Promise<void> {
    const yes = await confirmAction(this.dialog, {
      title: `Deactivate ${user.name}?`,
      message: `${user.name} will no longer be able to sign in or be picked for new rotations. Their history stays. You can reactivate them later.`,
      confirm: 'Deactivate',
    });
    if (yes) await this.setActive(user, false);
  }

  protected async reactivate(user: User): Promise<void> {
    await this.setActive(user, true);
  }

  private async setActive(user: User, active: boolean): Promise<void> {
    try {
      await firstValueFrom(this.api.update(user.id, { active }));
      this.done(active ? `${user.name} reactivated.` : `${user.name} deactivated.`);
    } catch (error) {
      this.snackBar.open(describeError(error).message, 'OK', { duration: 8000 });
    }
  }

  private openDialog(user: User | null): Promise<User | undefined> {
    const data: UserDialogData = { user, managers: this.managers() };
    return firstValueFrom(
      this.dialog
        .open<UserDialog, UserDialogData, User>(UserDialog, { data, width: 'min(680px, 94vw)', maxHeight: '90vh' })
        .afterClosed(),
    );
  }

  private done(message: string): void {
    this.snackBar.open(message, 'OK', { duration: 5000 });
    this.list.reload();
  }
}
