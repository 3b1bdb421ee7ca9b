import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { CheckIn } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import { fieldError, Loadable, loadable, LOADING, setApiError, valueOf } from '@stint/dashboard-ui';
import { timeZoneOrUtc, todayIn } from '@stint/shared-dates';
import {
  catchError,
  distinctUntilChanged,
  filter,
  firstValueFrom,
  forkJoin,
  map,
  Observable,
  of,
  startWith,
  Subject,
  switchMap,
} from 'rxjs';
import { PmApi } from '../data/pm-api.service';
import { CHECK_IN_KIND_LABEL, CHECK_IN_STATUS_LABEL } from '../shared/rotations';
import { formatInstant, formatRange, theirLocalTime } from '../util/date-format';
import { AssessmentCard } from './assessment-card';
import { PulseCard } from './pulse-card';
import { ratingTrend } from './rating-trend';
import { RatingsView } from './ratings-view';
import { ReflectionForm } from './reflection-form';
import { GOAL_RESULT_LABEL, policySkills, skillLabel } from './skills';
import { TrendChart } from './trend-chart';
import { firstName, whose } from './whose';

const isOpen = (checkIn: CheckIn) => checkIn.status === 'upcoming' || checkIn.status === 'overdue';

/**
 * One check-in, as reminder emails link to it (`/check-ins/:id`), for whoever may see it: the PM files their
 * reflection (at the final also revisiting their learning goals); the host team's manager assesses the PM at
 * the final; the PM's line manager answers the pulse after return; managers add feedback.
 */
@Component({
  selector: 'lib-check-in-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    AssessmentCard,
    PulseCard,
    RatingsView,
    ReflectionForm,
    TrendChart,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./check-in-cards.scss', './check-in-page.scss'],
  templateUrl: './check-in-page.html',
})
export class CheckInPage {
  /** The check-in id from the route (`/check-ins/:id`, the link in reminder emails). */
  readonly id = input.required<string>();

  private readonly api = inject(PmApi);
  private readonly session = inject(SessionService);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly timeZone = this.session.user()?.timezone ?? 'UTC';
  protected readonly kindLabel = CHECK_IN_KIND_LABEL;
  protected readonly statusLabel = CHECK_IN_STATUS_LABEL;
  protected readonly resultLabel = GOAL_RESULT_LABEL;
  protected readonly goalLabel = skillLabel;
  protected readonly formatRange = formatRange;
  protected readonly fieldError = fieldError;
  protected readonly canGiveFeedback = this.session.hasRole('manager', 'admin');

  /** After saving, data is re-read quietly: the page keeps showing what it has instead of flashing a loading state. */
  private readonly reload = new Subject<void>();

  private quietly<T>(load: () => Observable<T>): Observable<Loadable<T>> {
    return this.reload.pipe(
      map(() => true),
      startWith(false),
      switchMap((quiet) =>
        quiet
          ? loadable(load(), describeError).pipe(filter((s) => s.status !== 'loading'))
          : loadable(load(), describeError),
      ),
    );
  }

  protected readonly view = toSignal(
    toObservable(this.id).pipe(
      switchMap((id) =>
        this.quietly(() =>
          this.api
            .checkIn(id)
            .pipe(
              switchMap((checkIn) =>
                forkJoin({ checkIn: of(checkIn), placement: this.api.placement(checkIn.placementId) }),
              ),
            ),
        ),
      ),
    ),
    { initialValue: LOADING },
  );

  private readonly teams = toSignal(this.api.teams().pipe(catchError(() => of([]))), { initialValue: [] });
  /** Names for feedback authors; a PM can list only themselves, which is fine: authors then read "Manager". */
  private readonly people = toSignal(this.api.users().pipe(catchError(() => of([]))), { initialValue: [] });
  /** The skills the programme rates (policy); null while it loads, the core three if it cannot be read. */
  protected readonly policySkills = toSignal(
    this.api.policy().pipe(
      map((policy) => policySkills(policy.skills)),
      catchError(() => of(policySkills(null))),
    ),
    { initialValue: null },
  );
  protected readonly skills = computed(() => this.policySkills() ?? policySkills(null));

  private readonly me = computed(() => this.session.user()?.id ?? null);
  private readonly pmId = computed(() => valueOf(this.view())?.placement.pmId ?? null);

  /** Every check-in of the PM's placements the reader can see: the ratings trend spans rotations. */
  private readonly pmCheckIns = toSignal(
    toObservable(this.pmId).pipe(
      distinctUntilChanged(),
      switchMap((pmId) =>
        pmId
          ? this.quietly(() =>
              this.api
                .placements({ pmId, pageSize: 200, include: 'checkIns' })
                .pipe(map((page) => page.items.flatMap((p) => p.checkIns ?? []))),
            )
          : of(LOADING),
      ),
    ),
    { initialValue: LOADING },
  );

  protected readonly trendState = computed(() => {
    const state = this.pmCheckIns();
    if (state.status !== 'ready') return state;
    const current = valueOf(this.view())?.checkIn;
    const all: CheckIn[] = current ? [...state.value.filter((c) => c.id !== current.id), current] : state.value;
    return { status: 'ready' as const, value: ratingTrend(all) };
  });

  protected readonly isOwnCheckIn = computed(() => {
    const me = this.me();
    return !!me && me === this.pmId();
  });

  /** The viewer manages the host team: they assess the PM at the final check-in. */
  protected readonly isHost = computed(() => {
    const placement = valueOf(this.view())?.placement;
    const me = this.me();
    return !!me && !!placement && this.teams().find((t) => t.id === placement.teamId)?.managerId === me;
  });

  /** The viewer is the PM's line manager (the PM is among the reports they can list): they give the pulse. */
  protected readonly isLineManager = computed(() => {
    const me = this.me();
    const pmId = this.pmId();
    return !!me && !!pmId && this.people().find((u) => u.id === pmId)?.managerId === me;
  });

  /** The PM's name: the API's (on the check-in or its placement), else the viewer's directory; '' if unknown. */
  private readonly knownPmName = computed(() => {
    const state = valueOf(this.view());
    if (!state) return '';
    const { checkIn, placement } = state;
    return checkIn.pmName || placement.pmName || this.people().find((u) => u.id === placement.pmId)?.name || '';
  });
  protected readonly pmName = computed(() => (valueOf(this.view()) ? this.knownPmName() || 'the PM' : ''));
  /** For anyone but the PM: the check-in's time on the PM's own clock when it differs (`16:00 in Berlin for Ana`). */
  protected readonly pmLocalTime = computed(() => {
    const state = valueOf(this.view());
    if (!state || this.isOwnCheckIn()) return null;
    const pm = this.people().find((u) => u.id === state.placement.pmId);
    return theirLocalTime(state.checkIn.scheduledAt, pm?.timezone, this.pmFirstName(), this.timeZone);
  });
  /** Whose ratings the page shows, as the viewer says it: "Your" for the PM, "Ana’s" for anyone else. */
  protected readonly whose = computed(() => whose(this.isOwnCheckIn(), this.knownPmName()));
  /** The PM as a sentence to someone else names them: their first name, or "The PM". */
  protected readonly pmFirstName = computed(() => firstName(this.knownPmName()) || 'The PM');

  /** The learning goals the PM revisits in their final reflection: null while they load, else the request's. */
  private readonly goalsRequestId = computed(() => {
    const state = valueOf(this.view());
    if (!state || state.checkIn.kind !== 'final' || !this.isOwnCheckIn() || !isOpen(state.checkIn)) return null;
    return state.placement.requestId;
  });
  protected readonly goals = toSignal(
    toObservable(this.goalsRequestId).pipe(
      distinctUntilChanged(),
      switchMap((id) =>
        id
          ? this.api.request(id).pipe(
              map((request) => request.goals),
              // Without the goals the reflection is still filed (the API takes it without them).
              catchError(() => of([])),
              startWith(null),
            )
          : of([]),
      ),
    ),
    { initialValue: null },
  );

  /**
   * Before the check-in's day (on the PM's calendar, which the API also judges by), the day the reflection,
   * assessment or pulse opens; null once it is open. The API refuses earlier filings with 409 and the same day.
   */
  protected readonly opensOn = computed(() => {
    const checkIn = valueOf(this.view())?.checkIn;
    if (!checkIn) return null;
    const day = checkIn.opensOn ?? todayIn(timeZoneOrUtc(this.timeZone), new Date(checkIn.scheduledAt));
    return todayIn(timeZoneOrUtc(this.timeZone), new Date()) < day ? day : null;
  });

  /** The team's name: the API's (on the check-in or its placement), else the team list. */
  protected readonly teamName = computed(() => {
    const state = valueOf(this.view());
    if (!state) return '';
    const { checkIn, placement } = state;
    return (
      checkIn.teamName || placement.teamName || this.teams().find((t) => t.id === placement.teamId)?.name || 'the team'
    );
  });

  protected readonly feedback = new FormGroup({
    text: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(4000), Validators.pattern(/\S/)],
    }),
  });

  protected readonly saving = signal(false);

  protected isOpen = isOpen;

  protected when(instant: string): string {
    return formatInstant(instant, this.timeZone);
  }

  /** The author by name: the API names them; an answer without the name falls back to the people list. */
  protected author(f: { byId: string; byName?: string }): string {
    return f.byName || (this.people().find((u) => u.id === f.byId)?.name ?? 'Manager');
  }

  /** A form filed (or found filed meanwhile): read the check-in again. */
  protected refresh(): void {
    this.reload.next();
  }

  async sendFeedback(checkIn: CheckIn, form: FormGroupDirective): Promise<void> {
    this.feedback.markAllAsTouched();
    if (this.feedback.invalid) return;
    this.saving.set(true);
    try {
      await firstValueFrom(this.api.addFeedback(checkIn.id, this.feedback.controls.text.value.trim()));
      form.resetForm({ text: '' });
      this.snackBar.open('Feedback added. The PM sees it with their reflection.', 'OK', { duration: 5000 });
      this.reload.next();
    } catch (error) {
      const { message, body } = describeError(error);
      const text =
        body?.code === 'VALIDATION_FAILED'
          ? (body.details['fields'] as Record<string, string> | undefined)?.['text']
          : undefined;
      setApiError(this.feedback.controls.text, text ? `Feedback ${text.replace(/^text /, '')}` : message);
    } finally {
      this.saving.set(false);
    }
  }
}
