import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  REQUEST_STATUSES,
  type Approval,
  type CheckIn,
  type PlacementListItem,
  type RequestStatus,
  type RotationRequest,
} from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import { catchError, firstValueFrom, map, of, startWith, Subject, switchMap } from 'rxjs';
import { confirmAction, injectListPage, oneOf, PAGE_SIZES, pageQuery } from '@stint/dashboard-ui';
import { PmApi } from '../data/pm-api.service';
import { waitlistLine } from '../offers/offer-text';
import { PmOffers } from '../offers/pm-offers';
import {
  canWithdraw,
  CHECK_IN_KIND_LABEL,
  CHECK_IN_STATUS_LABEL,
  isPending,
  PLACEMENT_STATUS_LABEL,
  REQUEST_STATUS_LABEL,
} from '../shared/rotations';
import { STANDARD_GOALS } from '../shared/goals-field';
import { formatDay, formatInstant, formatRange, weeksLabel } from '../util/date-format';
import { downloadText } from '../util/download';
import { EditRequestData, EditRequestDialog } from './edit-request-dialog';
import { approvalLine, cancelledIds, requestState, RequestState } from './request-card';

@Component({
  selector: 'lib-my-rotations-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    PmOffers,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './my-rotations-page.scss',
  templateUrl: './my-rotations-page.html',
})
export class MyRotationsPage {
  private readonly api = inject(PmApi);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly timeZone = this.session.user()?.timezone ?? 'UTC';
  protected readonly statuses = REQUEST_STATUSES;
  protected readonly pageSizes = [...PAGE_SIZES];
  protected readonly requestStatusLabel = REQUEST_STATUS_LABEL;
  protected readonly placementStatusLabel = PLACEMENT_STATUS_LABEL;
  protected readonly kindLabel = CHECK_IN_KIND_LABEL;
  protected readonly checkInStatusLabel = CHECK_IN_STATUS_LABEL;
  protected readonly isPending = isPending;
  protected readonly canWithdraw = canWithdraw;
  /** The request an offer email links to (`?offer=`): its card is brought into view. */
  protected readonly offer = toSignal(inject(ActivatedRoute).queryParamMap.pipe(map((p) => p.get('offer'))), {
    initialValue: null,
  });
  protected readonly formatRange = formatRange;
  protected readonly formatDay = formatDay;
  protected readonly weeksLabel = weeksLabel;
  protected readonly downloading = signal<string | null>(null);

  private readonly teams = toSignal(this.api.teams().pipe(catchError(() => of([]))), { initialValue: [] });
  private readonly policy = toSignal(this.api.policy().pipe(catchError(() => of(null))), { initialValue: null });
  private readonly requestList = injectListPage({
    read: (params) => ({ status: oneOf(params.get('status'), REQUEST_STATUSES), ...pageQuery(params, '', 10) }),
    fetch: (q) => this.api.requests(q),
    describeError,
  });
  private readonly placementList = injectListPage({
    read: (params) => pageQuery(params, 'placements', 10),
    fetch: (q) => this.api.placements({ ...q, include: 'checkIns' }),
    describeError,
  });

  protected readonly requestQuery = this.requestList.query;
  protected readonly placementQuery = this.placementList.query;
  protected readonly requests = this.requestList.state;
  protected readonly placements = this.placementList.state;

  /** Read again with the lists, so a request's card knows when its placement was cancelled. */
  private readonly refresh = new Subject<void>();
  /** The PM's placements, whichever page of them is shown: a request's placement may be on another page. */
  private readonly allPlacements = toSignal(
    this.refresh.pipe(
      startWith(undefined),
      switchMap(() =>
        this.api.placements({ pageSize: 200 }).pipe(
          map((page) => page.items),
          catchError(() => of([])),
        ),
      ),
    ),
    { initialValue: [] },
  );
  private readonly cancelled = computed(() => {
    const shown = this.placements();
    return cancelledIds([...this.allPlacements(), ...(shown.status === 'ready' ? shown.value.items : [])]);
  });

  protected teamName(id: string): string {
    return this.teams().find((t) => t.id === id)?.name ?? 'Team';
  }

  protected goalsText(request: RotationRequest): string {
    return request.goals.map((goal) => STANDARD_GOALS.find((g) => g.value === goal)?.label ?? goal).join(' · ');
  }

  protected when(instant: string): string {
    return formatInstant(instant, this.timeZone);
  }

  /** The request's state on its card: "Booked, then cancelled" once its placement is cancelled. */
  protected cardState(request: RotationRequest): RequestState {
    return requestState(request, this.cancelled());
  }

  protected decision(approval: Approval): string {
    return approvalLine(approval, this.timeZone);
  }

  /** Who or what the request waits on now, in words; null once decided. */
  protected waitingOn(request: RotationRequest): string | null {
    switch (request.status) {
      case 'pending_manager':
        return 'Waiting for your line manager to release you.';
      case 'pending_host':
        return "Waiting for the host team's manager to agree.";
      case 'waitlisted':
        return `${waitlistLine(request)}. You are offered a place as soon as one frees up for these dates.`;
      case 'offered':
        return `A place is held for you until ${this.when(request.offerExpiresAt ?? '')}: accept or decline it above.`;
      case 'lapsed':
        return 'Offer lapsed: the place held for you was not accepted in time and went to the next in line.';
      default:
        return null;
    }
  }

  protected filterStatus(status: RequestStatus | null): void {
    this.requestList.navigate({ status, page: null });
  }

  protected pageRequests(event: PageEvent): void {
    this.requestList.page(event);
  }

  protected pagePlacements(event: PageEvent): void {
    this.placementList.navigate({ placementsPage: event.pageIndex + 1, placementsPageSize: event.pageSize });
  }

  protected reload(): void {
    this.requestList.reload();
    this.placementList.reload();
    this.refresh.next();
  }

  protected async edit(request: RotationRequest): Promise<void> {
    const data: EditRequestData = { request, teams: this.teams(), policy: this.policy() };
    const ref = this.dialog.open<EditRequestDialog, EditRequestData, RotationRequest>(EditRequestDialog, {
      data,
      width: 'min(640px, 94vw)',
      maxHeight: '90vh',
    });
    const updated = await firstValueFrom(ref.afterClosed());
    if (!updated) return;
    const restarted = updated.status === 'pending_manager' && request.status === 'pending_host';
    this.snackBar.open(
      restarted ? 'Request updated. Approval starts again with your line manager.' : 'Request updated.',
      'OK',
      { duration: 5000 },
    );
    this.reload();
  }

  protected async withdraw(request: RotationRequest): Promise<void> {
    const what = `Your request for ${this.teamName(request.teamId)}, ${formatRange(request.startDate, request.endDate)}, will be withdrawn`;
    const yes = await confirmAction(this.dialog, {
      title: 'Withdraw this request?',
      message:
        request.status === 'waitlisted'
          ? `${what} and taken off the team's waitlist. This cannot be undone.`
          : `${what} and your managers will no longer be asked to approve it. This cannot be undone.`,
      confirm: 'Withdraw request',
    });
    if (!yes) return;
    try {
      await firstValueFrom(this.api.withdrawRequest(request.id));
      this.snackBar.open('Request withdrawn.', 'OK', { duration: 5000 });
      this.reload();
    } catch (error) {
      this.snackBar.open(`Could not withdraw: ${describeError(error).message}`, 'OK', { duration: 8000 });
    }
  }

  protected async downloadInvite(placement: PlacementListItem, checkIn: CheckIn): Promise<void> {
    this.downloading.set(checkIn.id);
    try {
      const ics = await firstValueFrom(this.api.calendar(checkIn.id));
      downloadText(
        ics,
        `stint-${this.teamName(placement.teamId)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')}-${checkIn.kind}-${checkIn.scheduledAt.slice(0, 10)}.ics`,
        'text/calendar',
      );
      this.snackBar.open('Calendar invite downloaded: open it to add the check-in to your calendar.', 'OK', {
        duration: 5000,
      });
    } catch (error) {
      this.snackBar.open(`Could not download the invite: ${describeError(error).message}`, 'OK', { duration: 8000 });
    } finally {
      this.downloading.set(null);
    }
  }
}
