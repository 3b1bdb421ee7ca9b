import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { USER_ROLES, type User, type UserRole } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import { catchError, firstValueFrom, of, switchMap } from 'rxjs';
import {
  confirmAction,
  injectListPage,
  injectListSearch,
  ListActions,
  ListTable,
  oneOf,
  pageQuery,
  QueryChange,
} from '@stint/dashboard-ui';
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
    MatSelectModule,
    MatTableModule,
    ListTable,
    ListActions,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/admin-page.scss',
  templateUrl: './users-page.html',
})
export class UsersPage {
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly me = inject(SessionService).user()?.id;
  protected readonly roles = USER_ROLES;
  protected readonly roleLabel = ROLE_LABEL;
  protected readonly columns = ['name', 'email', 'role', 'manager', 'timezone', 'status'];

  protected readonly list = injectListPage({
    read: (p) => ({ role: oneOf(p.get('role'), USER_ROLES), q: (p.get('q') ?? '').slice(0, 200), ...pageQuery(p) }),
    fetch: (q) => this.api.list({ ...q, q: q.q || null }),
    describeError,
  });
  protected readonly query = this.list.query;

  private readonly managers = toSignal(
    this.list.reloads.pipe(switchMap(() => this.api.managers().pipe(catchError(() => of<User[]>([]))))),
    { initialValue: [] },
  );
  private readonly managerNames = computed(() => new Map(this.managers().map((m) => [m.id, m.name])));

  protected readonly search = injectListSearch(this.list, 'q', this.query().q);

  protected roleText(role: UserRole): string {
    return ROLE_LABEL[role];
  }

  protected managerName(id: string | null): string {
    return id ? (this.managerNames().get(id) ?? 'Unknown') : '—';
  }

  protected navigate(change: QueryChange): void {
    this.list.navigate(change);
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
