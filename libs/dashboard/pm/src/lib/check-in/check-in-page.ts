import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { CheckIn } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
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
import { fieldError, Loadable, loadable, LOADING, setApiError, valueOf } from '@stint/dashboard-ui';
import { PmApi } from '../data/pm-api.service';
import { CHECK_IN_KIND_LABEL, CHECK_IN_STATUS_LABEL } from '../shared/rotations';
import { timeZoneOrUtc, todayIn } from '@stint/shared-dates';
import { formatDay, formatInstant, formatRange } from '../util/date-format';
import { ratingTrend, Skill, SKILL_LABEL, SKILLS } from './rating-trend';
import { TrendChart } from './trend-chart';

const rating = () =>
  new FormControl<number | null>(null, { validators: [Validators.required, Validators.min(1), Validators.max(5)] });

@Component({
  selector: 'lib-check-in-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    TrendChart,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './check-in-page.scss',
  templateUrl: './check-in-page.html',
})
export class CheckInPage {
  /** The check-in id from the route (`/check-ins/:id`, the link in reminder emails). */
  readonly id = input.required<string>();

  private readonly api = inject(PmApi);
  private readonly session = inject(SessionService);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly timeZone = this.session.user()?.timezone ?? 'UTC';
  protected readonly skills = SKILLS;
  protected readonly skillLabel = SKILL_LABEL;
  protected readonly levels = [1, 2, 3, 4, 5];
  protected readonly kindLabel = CHECK_IN_KIND_LABEL;
  protected readonly statusLabel = CHECK_IN_STATUS_LABEL;
  protected readonly formatRange = formatRange;
  protected readonly formatDay = formatDay;
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

  private readonly pmId = computed(() => valueOf(this.view())?.placement.pmId ?? null);

  /** Every check-in of the PM's placements the reader can see: the ratings trend spans rotations. */
  private readonly pmCheckIns = toSignal(
    toObservable(this.pmId).pipe(
      distinctUntilChanged(),
      switchMap((pmId) =>
        pmId
          ? this.quietly(() =>
              this.api.placements({ pmId, pageSize: 200 }).pipe(map((page) => page.items.flatMap((p) => p.checkIns))),
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
    const me = this.session.user()?.id;
    return !!me && me === this.pmId();
  });

  /**
   * Before the check-in's day (on the PM's calendar: only the PM files, and this is their zone), the day the
   * reflection opens; null once it is open. The API refuses earlier reflections with 409 and the same day.
   */
  protected readonly opensOn = computed(() => {
    const checkIn = valueOf(this.view())?.checkIn;
    if (!checkIn) return null;
    const day = checkIn.opensOn ?? todayIn(timeZoneOrUtc(this.timeZone), new Date(checkIn.scheduledAt));
    return todayIn(timeZoneOrUtc(this.timeZone), new Date()) < day ? day : null;
  });

  protected readonly teamName = computed(() => {
    const placement = valueOf(this.view())?.placement;
    return placement ? (this.teams().find((t) => t.id === placement.teamId)?.name ?? 'the team') : '';
  });

  protected readonly reflection = new FormGroup({
    negotiation: rating(),
    closing: rating(),
    persistence: rating(),
    notes: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(10_000)] }),
  });

  protected readonly feedback = new FormGroup({
    text: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(4000), Validators.pattern(/\S/)],
    }),
  });

  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly ratingsSubmitted = signal(false);

  protected when(instant: string): string {
    return formatInstant(instant, this.timeZone);
  }

  protected author(id: string): string {
    return this.people().find((u) => u.id === id)?.name ?? 'Manager';
  }

  protected ratingError(skill: Skill): string | null {
    const control = this.reflection.controls[skill];
    if (!control.invalid || !(control.touched || this.ratingsSubmitted())) return null;
    return fieldError(control, {
      required: `Rate ${skill} from 1 to 5.`,
      min: `${SKILL_LABEL[skill]} must be from 1 to 5.`,
      max: `${SKILL_LABEL[skill]} must be from 1 to 5.`,
    });
  }

  async complete(checkIn: CheckIn): Promise<void> {
    this.ratingsSubmitted.set(true);
    this.reflection.markAllAsTouched();
    if (this.reflection.invalid) {
      this.formError.set('Rate all three skills from 1 to 5 before saving.');
      return;
    }
    const { negotiation, closing, persistence, notes } = this.reflection.getRawValue();
    this.saving.set(true);
    this.formError.set(null);
    try {
      await firstValueFrom(
        this.api.completeCheckIn(
          checkIn.id,
          { negotiation: negotiation ?? 0, closing: closing ?? 0, persistence: persistence ?? 0 },
          notes.trim(),
        ),
      );
      this.snackBar.open('Reflection saved. Here is how your ratings have moved.', 'OK', { duration: 5000 });
      this.reload.next();
    } catch (error) {
      const { message, body } = describeError(error);
      const fields =
        body?.code === 'VALIDATION_FAILED' ? (body.details['fields'] as Record<string, string> | undefined) : undefined;
      let placed = false;
      for (const [path, text] of Object.entries(fields ?? {})) {
        const key = path.replace(/^ratings\./, '') as Skill | 'notes';
        const control = this.reflection.controls[key];
        if (control) {
          setApiError(control, text);
          placed = true;
        }
      }
      this.formError.set(placed ? 'Some answers need attention: see the messages next to them.' : message);
      if (body?.code === 'INVALID_STATE') this.reload.next();
    } finally {
      this.saving.set(false);
    }
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
