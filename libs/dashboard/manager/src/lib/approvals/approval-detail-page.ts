import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { ApiErrorBody, Approval, AvailabilityDay, RotationRequest, SlotSuggestion } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import { combineLatest, firstValueFrom, forkJoin, of, take } from 'rxjs';
import { askForComment, confirmAction, injectNow, Loading } from '@stint/dashboard-ui';
import { HEAT_COLORS, heatLevel } from '../capacity/heatmap';
import { formatDay, formatInstant, formatRange } from '../shared/date-format';
import { DirectoryService } from '../shared/directory.service';
import { plural } from '../shared/labels';
import { LOADING, loadEach } from '../shared/load-state';
import { personName, teamName } from '../shared/names';
import { ErrorPanel } from '../shared/error-panel';
import { StatusChip } from '../shared/status-chip';
import { approvalLine } from './approval-trail';
import { ApprovalsService } from './approvals.service';
import { capacityFull, fullSentence, proposalStatus, slotsFromError } from './proposal-slots';
import { describeDays, readableDates, ruleLines, waitingCures } from './rule-check';
import { decisionError, waitlistError, waitlistStatus } from './waitlist-status';

const PENDING = new Set(['pending_manager', 'pending_host']);

/**
 * Starts the comment dialog with the comment already typed on the page. The shared dialog (ui) takes no starting
 * text yet, so its field is filled as it opens, before it is first drawn; if its shape changes, it starts empty.
 */
function startWith(dialog: unknown, text: string): void {
  const field = (dialog as { form?: FormGroup<{ comment?: FormControl<string> }> } | null)?.form?.controls.comment;
  if (text.trim() && field instanceof FormControl && !field.value) field.setValue(text);
}

@Component({
  selector: 'lib-approval-detail-page',
  imports: [
    RouterLink,
    ReactiveFormsModule,
    MatCardModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    StatusChip,
    Loading,
    ErrorPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/page.scss', './approval-detail-page.scss'],
  templateUrl: './approval-detail-page.html',
})
export class ApprovalDetailPage {
  private readonly api = inject(ApprovalsService);
  private readonly directory = inject(DirectoryService);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly tick = signal(0);
  private readonly now = injectNow();

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly comment = new FormControl('', { nonNullable: true });
  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  protected readonly state = toSignal(
    combineLatest([toObservable(this.id), toObservable(this.tick)]).pipe(
      loadEach(([id]) => forkJoin({ request: this.api.get(id), directory: this.directory.directory().pipe(take(1)) })),
    ),
    { initialValue: LOADING },
  );

  /** The request as loaded, replaced by the API's answer after a decision. */
  protected readonly request = linkedSignal<RotationRequest | null>(() => this.state().data?.request ?? null);
  /** The PM's and team's names: the API's, or the viewer's directory for an answer without them. */
  protected readonly pm = computed(() => this.request()?.pmName || this.person(this.request()?.pmId));
  protected readonly team = computed(() => {
    const data = this.state().data;
    return this.request()?.teamName || (data ? teamName(data.directory.teamsById, this.request()?.teamId) : '');
  });

  /** The request the API's rule check is asked about: the one on screen while it waits for a decision. */
  private readonly checkedId = computed(() => {
    const r = this.request();
    return r && PENDING.has(r.status) ? r.id : null;
  });
  protected readonly pending = computed(() => this.checkedId() !== null);
  private readonly checkTick = signal(0);

  /** The API's rule check, loaded on its own so a failure there leaves the request and the decision usable. */
  protected readonly check = toSignal(
    combineLatest([toObservable(this.checkedId), toObservable(this.checkTick)]).pipe(
      loadEach(([id]) => (id ? this.api.ruleCheck(id) : of(null))),
    ),
    { initialValue: LOADING },
  );
  /** The rule check as last answered; hidden while it is asked again, so no earlier tick stays beside an error. */
  protected readonly freshCheck = computed(() => (this.check().status === 'ready' ? this.check().data : null));
  protected readonly rules = computed(() => {
    const check = this.freshCheck();
    if (!check) return [];
    // Approving found the team full since: the capacity line says so rather than keep a tick the API just refused.
    return ruleLines(check).map((line) =>
      line.rule === 'capacity' && line.ok && this.foundFull()
        ? { ...line, ok: false, title: 'The team is full', message: 'Approving found no free place on these dates.' }
        : line,
    );
  });

  /** The host step is the caller's: the host team's manager, or an admin. */
  private readonly hosts = computed(() => {
    const me = this.session.user();
    const request = this.request();
    const data = this.state().data;
    if (!me || !request || !data) return false;
    return me.role === 'admin' || data.directory.teamsById.get(request.teamId)?.managerId === me.id;
  });

  protected readonly canDecide = computed(() => {
    const me = this.session.user();
    const request = this.request();
    const data = this.state().data;
    if (!me || !request || !data) return false;
    if (me.role === 'admin') return PENDING.has(request.status);
    if (request.status === 'pending_manager') return data.directory.usersById.get(request.pmId)?.managerId === me.id;
    return request.status === 'pending_host' && this.hosts();
  });

  /** Approving answered CAPACITY_FULL: the team is full, whatever the rule check on screen said. */
  private readonly foundFull = linkedSignal({ source: this.id, computation: () => false });

  /** The next free starts a refused approval named, until the rule check is asked again. */
  private readonly errorSlots = linkedSignal<string, SlotSuggestion[]>({ source: this.id, computation: () => [] });
  /** The team is full on the request's dates, as approving or the rule check found. */
  protected readonly full = computed(() => capacityFull(this.freshCheck(), this.foundFull()));
  /** The host may propose other dates: the request waits for them and their team is full on its dates. */
  protected readonly canPropose = computed(
    () => this.request()?.status === 'pending_host' && this.canDecide() && this.full(),
  );
  /** The starts the host may propose: the fresh rule check's, else the refused approval's. */
  protected readonly slots = computed(() => {
    const check = this.freshCheck();
    return check?.suggestions.length ? check.suggestions : this.errorSlots();
  });
  protected readonly fullText = computed(() => {
    const r = this.request();
    return r ? fullSentence(r, this.pm(), this.team(), this.slots()) : '';
  });
  protected readonly proposalText = computed(() => {
    const r = this.request();
    return r ? proposalStatus(r, this.pm()) : null;
  });

  /** The team is full (or blacked out) on the dates and nothing else is wrong: the waitlist is the way on. */
  protected readonly canWaitlist = computed(() => {
    const check = this.check().data;
    const full = this.foundFull() || (check !== null && waitingCures(check));
    return this.request()?.status === 'pending_host' && this.canDecide() && full;
  });
  /** The host may take a request off the waitlist (a rejection with a comment). */
  protected readonly canRemove = computed(() => this.request()?.status === 'waitlisted' && this.hosts());
  /** Where the request stands with the waitlist, counting down an offer's hold. */
  protected readonly waitlistText = computed(() => {
    const r = this.request();
    const timeZone = this.session.user()?.timezone ?? 'UTC';
    return r ? waitlistStatus(r, this.pm(), timeZone, this.now()) : null;
  });

  protected approve(request: RotationRequest): Promise<void> {
    return this.decide(
      async () => {
        const updated = await firstValueFrom(this.api.approve(request, this.comment.value));
        this.request.set(updated);
        this.comment.reset();
        this.message.set(
          updated.status === 'booked'
            ? `Approved and booked: ${this.pm()} joins ${this.team()} from ${formatDay(updated.startDate)}.`
            : `Approved: ${this.pm()} is released. The request now waits for the host team's manager.`,
        );
      },
      (message, body) => {
        if (body?.code === 'CAPACITY_FULL') {
          this.foundFull.set(true);
          this.errorSlots.set(slotsFromError(body));
        }
        return decisionError(message, body, this.pm());
      },
    );
  }

  /** After a yes in the confirm dialog, proposes the slot to the PM; the request keeps its dates meanwhile. */
  protected async propose(request: RotationRequest, slot: SlotSuggestion): Promise<void> {
    const dates = formatRange(slot.startDate, slot.endDate);
    const yes = await confirmAction(this.dialog, {
      title: 'Propose these dates?',
      message: `${this.pm()} is asked by email to move the rotation to ${dates} (the same length). Nothing is booked until they accept and you approve.`,
      confirm: 'Propose these dates',
      cancel: 'Not now',
    });
    if (!yes) return;
    return this.decide(
      async () => {
        const updated = await firstValueFrom(this.api.propose(request.id, slot.startDate));
        this.request.set(updated);
        this.message.set(
          `Proposed ${dates} to ${this.pm()}. Once they accept, the request moves to these dates and waits for your approval.`,
        );
      },
      (message, body) => {
        if (body?.code === 'CAPACITY_FULL') this.errorSlots.set(slotsFromError(body));
        if (body?.code === 'INVALID_STATE') this.reload();
        return body?.code === 'CAPACITY_FULL'
          ? `${dates} is no longer free. Choose another of the next free starts.`
          : readableDates(message);
      },
    );
  }

  protected waitlist(request: RotationRequest): Promise<void> {
    return this.decide(
      async () => {
        const updated = await firstValueFrom(this.api.waitlist(request.id));
        this.request.set(updated);
        this.comment.reset();
        const place = updated.waitlistPosition ? `number ${updated.waitlistPosition} in line` : 'in line';
        this.message.set(`Added to the waitlist: ${this.pm()} is ${place} for ${this.team()}.`);
      },
      (message, body) => {
        // Already decided elsewhere (waitlisted, withdrawn): show the request as it is now.
        if (body?.code === 'INVALID_STATE' && body.details?.['ok'] !== true) this.reload();
        return waitlistError(message, body);
      },
    );
  }

  /**
   * Runs one decision: busy meanwhile, the outcome's words on success; on failure the error in the
   * approver's terms, and the rule check asked again (the API found something the check on screen did
   * not: a booking, a blackout, a decision taken elsewhere), so the checks and next free slots are today's.
   */
  private async decide(
    run: () => Promise<void>,
    failed: (message: string, body: ApiErrorBody | null) => string,
  ): Promise<void> {
    this.busy.set(true);
    this.actionError.set(null);
    this.message.set(null);
    try {
      await run();
    } catch (error) {
      const { message, body } = describeError(error);
      this.actionError.set(failed(message, body));
      this.recheck();
    } finally {
      this.busy.set(false);
    }
  }

  protected async reject(request: RotationRequest): Promise<void> {
    const pmName = this.pm();
    const removing = request.status === 'waitlisted';
    // What was typed on the page goes into the dialog rather than being lost.
    const typed = this.comment.value;
    const opening = this.dialog.afterOpened.pipe(take(1)).subscribe((ref) => startWith(ref.componentInstance, typed));
    const asked = askForComment(
      this.dialog,
      {
        title: removing ? 'Remove from waitlist' : 'Reject request',
        intro: removing
          ? `${pmName} is on the waitlist for ${this.team()}. Say why you take the request off it; ${pmName} gets your comment by email.`
          : `${pmName} asked for ${this.team()}. Say why you reject it; ${pmName} gets your comment by email.`,
        label: 'Comment',
        required: `A comment is required to ${removing ? 'remove it' : 'reject'}.`,
        busy: removing ? 'Removing…' : 'Rejecting…',
        dismiss: 'Keep it',
        submit: removing ? 'Remove from waitlist' : 'Reject request',
        focusField: true,
        send: (comment) => this.api.reject(request, comment),
        describeError,
      },
      { autoFocus: 'first-tabbable' },
    );
    opening.unsubscribe();
    const updated = await asked;
    if (updated) {
      this.request.set(updated);
      this.comment.reset();
      this.actionError.set(null);
      this.message.set(
        `${removing ? 'Removed from the waitlist' : 'Rejected'}. ${this.pm()} gets your comment by email.`,
      );
    }
  }

  protected reload(): void {
    this.tick.update((n) => n + 1);
  }

  protected recheck(): void {
    this.checkTick.update((n) => n + 1);
  }

  protected person(id: string | null | undefined, role?: string): string {
    const data = this.state().data;
    return data ? personName(data.directory.usersById, id, role) : '';
  }

  /** A decision on the request: who took it, by name and role, when (in the viewer's time zone), and their comment. */
  protected decision(approval: Approval): string {
    const timeZone = this.session.user()?.timezone ?? 'UTC';
    const line = approvalLine(approval, timeZone, (id) => this.person(id, 'Manager'));
    return approval.comment ? `${line}: “${approval.comment}”` : line;
  }

  protected waitingFor(r: RotationRequest): string {
    return r.status === 'pending_manager'
      ? "Waiting for the PM's line manager to release them."
      : "Waiting for the host team's manager to agree and book it.";
  }

  protected color(d: AvailabilityDay): string {
    return HEAT_COLORS[heatLevel(d.booked, d.capacity)].background;
  }

  protected dayTitle(d: AvailabilityDay): string {
    return `${formatDay(d.date)}: ${d.booked} of ${d.capacity} booked${d.blackout ? ', blackout' : ''}`;
  }

  protected range(r: { startDate: string; endDate: string }): string {
    return formatRange(r.startDate, r.endDate);
  }

  protected weeks(n: number): string {
    return plural(n, 'week');
  }

  protected places(n: number): string {
    return plural(n, 'place');
  }

  /** Days as runs: "3 Feb – 7 Feb 2027, 9 Feb 2027", or "none". */
  protected runs(dates: readonly string[]): string {
    return describeDays(dates);
  }

  protected day(date: string): string {
    return formatDay(date);
  }

  protected instant(at: string): string {
    return formatInstant(at);
  }
}
