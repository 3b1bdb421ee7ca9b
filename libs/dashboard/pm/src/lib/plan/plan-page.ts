import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { SlotSuggestion } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import {
  catchError,
  combineLatest,
  distinctUntilChanged,
  firstValueFrom,
  forkJoin,
  map,
  of,
  startWith,
  Subject,
  switchMap,
} from 'rxjs';
import { fieldError, loadable, LOADING, provideIsoDateAdapter, setApiError, valueOf } from '@stint/dashboard-ui';
import { PmApi } from '../data/pm-api.service';
import { dateValidator, latestEndValidator, weeksValidator } from '../shared/form-errors';
import { GoalsField, goalsValidator } from '../shared/goals-field';
import { RequestField, requestErrorsFrom } from '../shared/request-errors';
import { BusyRange, busyRanges, overlapping, PLACEMENT_STATUS_LABEL, REQUEST_STATUS_LABEL } from '../shared/rotations';
import { addDays, endDateFor, isIsoDate, timeZoneOrUtc, todayIn } from '@stint/shared-dates';
import { formatRange, weeksLabel } from '../util/date-format';
import { injectSlotSuggestions } from './slot-suggestions';

@Component({
  selector: 'lib-plan-page',
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
    GoalsField,
  ],
  providers: [provideIsoDateAdapter()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './plan-page.scss',
  templateUrl: './plan-page.html',
})
export class PlanPage {
  private readonly api = inject(PmApi);
  private readonly session = inject(SessionService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  /** Managers and admins plan for one of their PMs; a PM plans for themselves. */
  protected readonly planner = this.session.hasRole('manager', 'admin');
  protected readonly today = todayIn(timeZoneOrUtc(this.session.user()?.timezone), new Date());
  protected readonly formatRange = formatRange;
  protected readonly weeksLabel = weeksLabel;

  protected readonly policy = toSignal(this.api.policy().pipe(catchError(() => of(null))), { initialValue: null });
  protected readonly teams = toSignal(loadable(this.api.teams(), describeError), { initialValue: LOADING });
  protected readonly activeTeams = computed(() => (valueOf(this.teams()) ?? []).filter((t) => t.active));
  protected readonly pms = toSignal(this.planner ? loadable(this.api.plannablePms(), describeError) : of(null), {
    initialValue: null,
  });

  protected readonly search = new FormGroup({
    pmId: new FormControl(this.route.snapshot.queryParamMap.get('pmId') ?? '', {
      nonNullable: true,
      validators: this.planner ? [Validators.required] : [],
    }),
    durationWeeks: new FormControl<number | null>(4, {
      validators: [Validators.required, weeksValidator(() => this.policy())],
    }),
    earliestStart: new FormControl(this.today, { nonNullable: true, validators: [Validators.required, dateValidator] }),
    latestEnd: new FormControl(addDays(this.today, 182), {
      nonNullable: true,
      validators: [Validators.required, dateValidator, latestEndValidator],
    }),
    teamIds: new FormControl<string[]>([], { nonNullable: true }),
  });

  protected readonly request = new FormGroup({
    teamId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    startDate: new FormControl('', { nonNullable: true, validators: [Validators.required, dateValidator] }),
    goals: new FormControl<string[]>([], { nonNullable: true, validators: [goalsValidator] }),
    motivation: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(2000)] }),
  });

  protected readonly fieldError = fieldError;
  protected readonly slots = injectSlotSuggestions(this.search, this.planner, (params) => this.api.slots(params));
  protected readonly busy = signal(false);
  protected readonly generalError = signal<string | null>(null);
  /** Free slots the API offered when the chosen one filled up meanwhile (CAPACITY_FULL). */
  protected readonly alternatives = signal<SlotSuggestion[]>([]);
  /** The chosen team was full on those dates: the PM may still ask, to wait in the team's line once released. */
  protected readonly teamFull = signal(false);
  protected readonly announcement = signal('');
  /** Up to three slots per team can make a long list; the earliest few come first, the rest on request. */
  protected readonly shortList = 6;
  protected readonly showAll = signal(false);

  private readonly searchValue = toSignal(this.search.valueChanges.pipe(map(() => this.search.getRawValue())), {
    initialValue: this.search.getRawValue(),
  });
  private readonly requestValue = toSignal(this.request.valueChanges.pipe(map(() => this.request.getRawValue())), {
    initialValue: this.request.getRawValue(),
  });
  private readonly reload = new Subject<void>();
  private readonly requestHeading = viewChild<ElementRef<HTMLElement>>('requestHeading');

  private readonly pmId$ = this.search.controls.pmId.valueChanges.pipe(
    startWith(this.search.controls.pmId.value),
    distinctUntilChanged(),
  );

  /** The PM's pending requests and placements: what a new stint must not overlap. */
  protected readonly existing = toSignal(
    combineLatest([this.pmId$, this.reload.pipe(startWith(undefined))]).pipe(
      switchMap(([pmId]) => {
        if (this.planner && !pmId) return of(null);
        const who = this.planner ? pmId : null;
        return loadable(
          forkJoin({
            requests: this.api.requests({ pmId: who, pageSize: 200 }).pipe(map((page) => page.items)),
            placements: this.api.placements({ pmId: who, pageSize: 200 }).pipe(map((page) => page.items)),
          }),
          describeError,
        );
      }),
    ),
    { initialValue: LOADING },
  );

  protected readonly busyRanges = computed(() => {
    const state = this.existing();
    const value = state ? valueOf(state) : null;
    return value ? busyRanges(value.requests, value.placements).filter((r) => r.endDate >= this.today) : [];
  });

  protected readonly plannedRange = computed(() => {
    const { startDate } = this.requestValue();
    const weeks = this.searchValue().durationWeeks;
    if (!isIsoDate(startDate) || weeks === null || !Number.isInteger(weeks) || weeks < 1 || weeks > 52) return null;
    return { startDate, endDate: endDateFor(startDate, weeks), weeks };
  });

  protected readonly overlaps = computed(() => {
    const range = this.plannedRange();
    return range ? overlapping(this.busyRanges(), range.startDate, range.endDate) : [];
  });

  protected readonly overlapText = computed(() => {
    const list = this.overlaps().map(
      (o) =>
        `${o.kind === 'request' ? 'a pending request' : 'a placement'} in ${this.teamName(o.teamId)} (${formatRange(o.startDate, o.endDate)})`,
    );
    return list.length
      ? `These dates overlap ${list.join(' and ')}. A PM cannot be in two rotations on the same day: pick other dates.`
      : '';
  });

  protected readonly policyHint = computed(() => {
    const p = this.policy();
    return p ? `${p.minWeeks}–${p.maxWeeks} whole weeks (policy).` : 'Whole weeks.';
  });

  constructor() {
    // Once the policy is known the duration is re-checked against it.
    effect(() => {
      if (this.policy()) this.search.controls.durationWeeks.updateValueAndValidity();
    });

    this.search.controls.earliestStart.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.search.controls.latestEnd.updateValueAndValidity({ emitEvent: false }));

    // The PM being planned for lives in the URL, so the page can be linked and reloaded.
    this.search.controls.pmId.valueChanges.pipe(distinctUntilChanged(), takeUntilDestroyed()).subscribe((pmId) => {
      void this.router.navigate([], {
        relativeTo: this.route,
        queryParams: { pmId: pmId || null },
        queryParamsHandling: 'merge',
        replaceUrl: true,
      });
    });
  }

  protected teamName(id: string): string {
    return (valueOf(this.teams()) ?? []).find((t) => t.id === id)?.name ?? 'Unknown team';
  }

  protected describe(range: BusyRange): string {
    return range.kind === 'request'
      ? `Request · ${REQUEST_STATUS_LABEL[range.status as keyof typeof REQUEST_STATUS_LABEL]}`
      : `Placement · ${PLACEMENT_STATUS_LABEL[range.status as keyof typeof PLACEMENT_STATUS_LABEL]}`;
  }

  protected isChosen(slot: SlotSuggestion): boolean {
    const value = this.requestValue();
    return value.teamId === slot.teamId && value.startDate === slot.startDate;
  }

  protected pick(slot: SlotSuggestion): void {
    this.request.patchValue({ teamId: slot.teamId, startDate: slot.startDate });
    this.generalError.set(null);
    this.announcement.set(
      `Picked ${slot.teamName}, ${formatRange(slot.startDate, slot.endDate)}. Add your goals and send the request.`,
    );
    this.requestHeading()?.nativeElement.focus();
  }

  async submit(form?: FormGroupDirective, waitlistIfFull = false): Promise<void> {
    // Asking anyway answers the "team is full" error on the dates: clear it (the validators run again).
    if (waitlistIfFull) this.request.controls.startDate.updateValueAndValidity();
    this.search.controls.durationWeeks.markAsTouched();
    this.search.controls.pmId.markAsTouched();
    this.request.markAllAsTouched();
    if (this.request.invalid || this.search.controls.durationWeeks.invalid || this.search.controls.pmId.invalid) {
      this.generalError.set('Some fields need attention: see the messages next to them.');
      return;
    }
    const { teamId, startDate, goals, motivation } = this.request.getRawValue();
    const durationWeeks = this.search.controls.durationWeeks.value ?? 0;
    const pmId = this.planner ? this.search.controls.pmId.value : undefined;
    this.busy.set(true);
    this.generalError.set(null);
    this.alternatives.set([]);
    this.teamFull.set(false);
    try {
      await firstValueFrom(
        this.api.createRequest({
          teamId,
          startDate,
          durationWeeks,
          goals,
          motivation: motivation.trim() || undefined,
          ...(pmId && { pmId }),
          ...(waitlistIfFull && { waitlistIfFull }),
        }),
      );
      this.snackBar.open(
        waitlistIfFull
          ? `Request sent for ${this.teamName(teamId)}, though it is full then. Once the line manager releases it, the host can put it on the team's waitlist.`
          : `Request sent for ${this.teamName(teamId)}. The line manager has been asked to approve it.`,
        'OK',
        { duration: 6000 },
      );
      if (this.planner) {
        // resetForm also forgets the submission, so the emptied fields do not light up red.
        if (form) form.resetForm({ teamId: '', startDate: '', goals: [], motivation: '' });
        else this.request.reset();
        this.reload.next();
      } else {
        await this.router.navigate(['/my-rotations']);
      }
    } catch (error) {
      const { message, body } = describeError(error);
      const mapped = requestErrorsFrom(body, message);
      for (const [field, text] of Object.entries(mapped.fields))
        setApiError(this.controlFor(field as RequestField), text);
      this.generalError.set(
        mapped.general ??
          (Object.keys(mapped.fields).length ? 'The request was not sent: see the messages next to the fields.' : null),
      );
      this.alternatives.set(mapped.suggestions);
      this.teamFull.set(body?.code === 'CAPACITY_FULL');
      if (body?.code === 'PM_OVERLAP' || body?.code === 'CAPACITY_FULL') this.reload.next();
    } finally {
      this.busy.set(false);
    }
  }

  private controlFor(field: RequestField) {
    switch (field) {
      case 'pmId':
        return this.search.controls.pmId;
      case 'durationWeeks':
        return this.search.controls.durationWeeks;
      default:
        return this.request.controls[field];
    }
  }
}
