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
import type { Team, User } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { catchError, firstValueFrom, of } from 'rxjs';
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
import { TeamsApi } from '../data/teams.api';
import { UsersApi } from '../data/users.api';
import { TeamDialog, TeamDialogData } from './team-dialog';

@Component({
  selector: 'lib-teams-page',
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
  templateUrl: './teams-page.html',
})
export class TeamsPage {
  private readonly api = inject(TeamsApi);
  private readonly usersApi = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly columns = ['name', 'region', 'manager', 'capacity', 'calendar', 'status'];

  protected readonly list = injectListPage({
    read: (p) => ({
      active: oneOf(p.get('active'), ['true', 'false'] as const),
      q: (p.get('q') ?? '').slice(0, 120),
      ...pageQuery(p),
    }),
    fetch: (q) => this.api.list({ ...q, q: q.q || null }),
    describeError,
  });
  protected readonly query = this.list.query;
  private readonly managers = toSignal(this.usersApi.managers().pipe(catchError(() => of<User[]>([]))), {
    initialValue: [],
  });
  private readonly managerNames = computed(() => new Map(this.managers().map((m) => [m.id, m.name])));

  protected readonly search = injectListSearch(this.list, 'q', this.query().q);

  protected managerName(id: string): string {
    return this.managerNames().get(id) ?? 'Unknown';
  }

  protected navigate(change: QueryChange): void {
    this.list.navigate(change);
  }

  protected async create(): Promise<void> {
    const team = await this.openDialog(null);
    if (team)
      this.done(`${team.name} created with room for ${team.capacity} PM${team.capacity === 1 ? '' : 's'} a day.`);
  }

  protected async edit(team: Team): Promise<void> {
    const saved = await this.openDialog(team);
    if (saved) this.done(`${saved.name} saved.`);
  }

  protected async deactivate(team: Team): Promise<void> {
    const yes = await confirmAction(this.dialog, {
      title: `Deactivate ${team.name}?`,
      message: `${team.name} will no longer be offered for new rotations, and pending requests for it cannot be approved. Booked placements stay as they are.`,
      confirm: 'Deactivate',
    });
    if (yes) await this.setActive(team, false);
  }

  protected async activate(team: Team): Promise<void> {
    await this.setActive(team, true);
  }

  private async setActive(team: Team, active: boolean): Promise<void> {
    try {
      await firstValueFrom(this.api.update(team.id, { active }));
      this.done(active ? `${team.name} is hosting rotations again.` : `${team.name} deactivated.`);
    } catch (error) {
      this.snackBar.open(describeError(error).message, 'OK', { duration: 8000 });
    }
  }

  private openDialog(team: Team | null): Promise<Team | undefined> {
    const data: TeamDialogData = { team, managers: this.managers() };
    return firstValueFrom(
      this.dialog
        .open<TeamDialog, TeamDialogData, Team>(TeamDialog, { data, width: 'min(720px, 94vw)', maxHeight: '90vh' })
        .afterClosed(),
    );
  }

  private done(message: string): void {
    this.snackBar.open(message, 'OK', { duration: 5000 });
    this.list.reload();
  }
}
