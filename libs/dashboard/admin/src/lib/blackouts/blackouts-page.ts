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
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Blackout, BlackoutCreated, Team, User } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { catchError, firstValueFrom, of } from 'rxjs';
import {
  confirmAction,
  fieldError,
  FormSubmit,
  injectListPage,
  ListActions,
  ListTable,
  pageQuery,
  provideIsoDateAdapter,
  QueryChange,
} from '@stint/dashboard-ui';
import { BlackoutsApi } from '../data/blackouts.api';
import { TeamsApi } from '../data/teams.api';
import { UsersApi } from '../data/users.api';
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
    MatDatepickerModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    ListTable,
    ListActions,
  ],
  providers: [provideIsoDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/admin-page.scss', './blackouts-page.scss'],
  templateUrl: './blackouts-page.html',
})
export class BlackoutsPage {
  private readonly api = inject(BlackoutsApi);
  private readonly teamsApi = inject(TeamsApi);
  private readonly usersApi = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly formatRange = formatRange;
  protected readonly fieldError = fieldError;
  protected readonly columns = ['scope', 'dates', 'reason'];
  protected readonly created = signal<BlackoutCreated | null>(null);
  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');
  private readonly formDirective = viewChild(FormGroupDirective);

  protected readonly list = injectListPage({
    read: (p) => {
      const teamId = p.get('teamId');
      return { teamId: teamId && UUID.test(teamId) ? teamId : null, ...pageQuery(p) };
    },
    fetch: (q) => this.api.list(q),
    describeError,
  });
  protected readonly query = this.list.query;
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

  protected readonly submit = new FormSubmit({
    form: this.form,
    describeError,
    labels: { teamId: 'Team', startsOn: 'First day', endsOn: 'Last day', reason: 'Reason' },
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

  create(): Promise<void> {
    return this.submit.send(
      () => {
        const { teamId, startsOn, endsOn, reason } = this.form.getRawValue();
        return this.api.create({ teamId: teamId || null, startsOn, endsOn, reason: reason.trim() });
      },
      (created) => {
        if (created) this.added(created);
      },
    );
  }

  private added(created: BlackoutCreated): void {
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
