import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { AvailabilityDay, RotationRequest, SlotSuggestion } from '@stint/contracts';
import { describeError, SessionService } from '@stint/dashboard-session';
import { combineLatest, firstValueFrom, forkJoin, of, switchMap, take } from 'rxjs';
import { askForComment, Loading } from '@stint/dashboard-ui';
import { HEAT_COLORS, heatLevel } from '../capacity/heatmap';
import { formatDay, formatInstant, formatRange, todayIso } from '../shared/dates';
import { DirectoryService } from '../shared/directory.service';
import { plural } from '../shared/labels';
import { LOADING, loadEach } from '../shared/load-state';
import { personName, teamName } from '../shared/names';
import { PAGE_STYLES } from '../shared/page-styles';
import { ErrorPanel, StatusChip } from '../shared/ui';
import { ApprovalsService } from './approvals.service';
import { checkRules, findOverlaps } from './rule-check';

const PENDING = new Set(['pending_manager', 'pending_host']);

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
  styles: [
    PAGE_STYLES,
    `
      .back {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        margin-bottom: 8px;
        color: var(--mat-sys-primary);
      }
      .title {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 12px;
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 16px;
        margin-top: 16px;
      }
      @media (max-width: 999px) {
        .grid {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 8px 16px;
        margin: 0;
      }
      dt {
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
      }
      ul.plain {
        margin: 0;
        padding-left: 18px;
      }
      .rules {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 12px;
      }
      .rules li {
        display: grid;
        grid-template-columns: 24px 1fr;
        gap: 8px;
      }
      .rules p {
        margin: 2px 0 0;
        color: var(--mat-sys-on-surface-variant);
      }
      .mark {
        display: grid;
        place-items: center;
        width: 22px;
        height: 22px;
        border-radius: 50%;
        color: #fff;
        font-weight: 700;
        font-size: 14px;
      }
      .ok {
        background: #146c2e;
      }
      .bad {
        background: var(--mat-sys-error);
      }
      .strip {
        display: flex;
        gap: 2px;
        margin: 16px 0 4px;
        flex-wrap: wrap;
      }
      .strip span {
        width: 14px;
        height: 22px;
        border-radius: 3px;
      }
      .strip .blackout {
        background-image: repeating-linear-gradient(45deg, transparent 0 3px, rgba(0, 0, 0, 0.55) 3px 5px) !important;
      }
      .decision {
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      .actions {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
      }
      .result {
        padding: 12px 16px;
        border-radius: 12px;
        background: var(--mat-sys-secondary-container);
        color: var(--mat-sys-on-secondary-container);
        margin: 8px 0;
      }
      mat-card {
        margin: 0;
      }
      h2.card-title {
        font: var(--mat-sys-title-medium);
        margin: 0 0 12px;
      }
    `,
  ],
  template: `
    <a class="back" routerLink="/approvals"><span aria-hidden="true">←</span> Approvals</a>
    <lib-loading [active]="state().status === 'loading'" label="Loading the request…" />
    @if (state().error; as error) {
      <h1>Request</h1>
      <lib-error-panel [message]="error" (retry)="reload()" />
    }
    @if (request(); as r) {
      <div class="title">
        <h1>{{ pm() }} → {{ team() }}</h1>
        <lib-status-chip [status]="r.status" data-testid="request-status" />
      </div>
      <p class="lead">{{ range(r) }} · {{ weeks(r.durationWeeks) }} · submitted {{ instant(r.createdAt) }}</p>

      <div class="grid">
        <mat-card appearance="outlined">
          <mat-card-content>
            <h2 class="card-title">The request</h2>
            <dl>
              <dt>PM</dt>
              <dd>{{ pm() }}</dd>
              <dt>Team</dt>
              <dd>{{ team() }}</dd>
              <dt>Dates</dt>
              <dd>{{ day(r.startDate) }} to {{ day(r.endDate) }} ({{ weeks(r.durationWeeks) }})</dd>
              <dt>Goals</dt>
              <dd>
                @if (r.goals.length) {
                  <ul class="plain">
                    @for (g of r.goals; track $index) {
                      <li>{{ g }}</li>
                    }
                  </ul>
                } @else {
                  —
                }
              </dd>
              <dt>Motivation</dt>
              <dd>{{ r.motivation || '—' }}</dd>
              @for (a of r.approvals; track $index) {
                <dt>{{ a.step === 'manager' ? 'Line manager' : 'Host team' }}</dt>
                <dd>
                  {{ a.decision === 'approved' ? 'Approved' : 'Rejected' }} by {{ person(a.byId) }}, {{ instant(a.at) }}
                  @if (a.comment) {
                    : “{{ a.comment }}”
                  }
                </dd>
              }
              @if (r.placementId) {
                <dt>Placement</dt>
                <dd><a [routerLink]="['/placements', r.placementId]">Open the placement</a></dd>
              }
            </dl>
          </mat-card-content>
        </mat-card>

        @if (pending()) {
          <mat-card appearance="outlined">
            <mat-card-content>
              <h2 class="card-title">Rule check</h2>
              <ul class="rules" data-testid="rule-check">
                @for (rule of rules(); track rule.key) {
                  <li>
                    <span [class]="rule.ok ? 'mark ok' : 'mark bad'" aria-hidden="true">{{ rule.ok ? '✓' : '!' }}</span>
                    <div>
                      <strong>{{ rule.ok ? '' : 'Problem: ' }}{{ rule.title }}</strong>
                      <p>{{ rule.detail }}</p>
                    </div>
                  </li>
                }
              </ul>
              <div class="strip" aria-hidden="true">
                @for (d of days(); track d.date) {
                  <span [class.blackout]="d.blackout" [style.background]="color(d)" [title]="dayTitle(d)"></span>
                }
              </div>
              <p class="muted">
                Each square is a day: darker means more of the team's places booked, red is full, hatched is a blackout.
                The API checks every rule again when you approve.
              </p>
            </mat-card-content>
          </mat-card>
        }
      </div>

      <h2>Decision</h2>
      @if (message(); as text) {
        <p class="result" role="status" data-testid="decision-result">
          {{ text }}
          @if (r.placementId && r.status === 'booked') {
            <a [routerLink]="['/placements', r.placementId]">Open the placement</a>
          }
        </p>
      }
      @if (actionError(); as error) {
        <lib-error-panel [message]="error" [retryable]="false" />
        @if (suggestions().length) {
          <p>Next free slots for this PM (ask them to move the request to one of these):</p>
          <ul data-testid="suggestions">
            @for (s of suggestions(); track s.teamId + s.startDate) {
              <li>{{ s.teamName }}: {{ range(s) }}</li>
            }
          </ul>
        }
      }
      @if (canDecide()) {
        <div class="decision">
          <mat-form-field appearance="outline">
            <mat-label>Comment (optional when approving)</mat-label>
            <textarea matInput [formControl]="comment" rows="2"></textarea>
          </mat-form-field>
          <div class="actions">
            <button mat-flat-button type="button" (click)="approve(r)" [disabled]="busy()">Approve</button>
            <button mat-stroked-button type="button" (click)="reject(r)" [disabled]="busy()">Reject…</button>
          </div>
          <lib-loading [active]="busy()" label="Sending your decision…" />
        </div>
      } @else if (pending()) {
        <p class="muted">{{ waitingFor(r) }}</p>
      } @else if (!message()) {
        <p class="muted">This request is no longer waiting for a decision.</p>
      }
    }
  `,
})
export class ApprovalDetailPage {
  private readonly api = inject(ApprovalsService);
  private readonly directory = inject(DirectoryService);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly tick = signal(0);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly comment = new FormControl('', { nonNullable: true });
  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly suggestions = signal<SlotSuggestion[]>([]);

  protected readonly state = toSignal(
    combineLatest([toObservable(this.id), toObservable(this.tick)]).pipe(
      loadEach(([id]) =>
        this.api.get(id).pipe(
          switchMap((request) => {
            const pending = PENDING.has(request.status);
            return forkJoin({
              request: of(request),
              directory: this.directory.directory().pipe(take(1)),
              days: pending
                ? this.api.availability(request.teamId, request.startDate, request.endDate)
                : of<AvailabilityDay[]>([]),
              commitments: pending
                ? this.api.commitments(request.pmId, request.startDate, request.endDate)
                : of({ requests: [], placements: [] }),
              policy: pending ? this.api.policy() : of(null),
            });
          }),
        ),
      ),
    ),
    { initialValue: LOADING },
  );

  /** The request as loaded, replaced by the API's answer after a decision. */
  protected readonly request = linkedSignal<RotationRequest | null>(() => this.state().data?.request ?? null);
  protected readonly pending = computed(() => {
    const r = this.request();
    return !!r && PENDING.has(r.status);
  });
  protected readonly days = computed(() => this.state().data?.days ?? []);
  protected readonly pm = computed(() => this.person(this.request()?.pmId));
  protected readonly team = computed(() => {
    const data = this.state().data;
    return data ? teamName(data.directory.teamsById, this.request()?.teamId) : '';
  });

  protected readonly rules = computed(() => {
    const data = this.state().data;
    const request = this.request();
    if (!data || !request) return [];
    return checkRules({
      request,
      days: data.days,
      overlaps: findOverlaps(request, data.commitments.requests, data.commitments.placements),
      today: todayIso(),
      policy: data.policy,
      team: data.directory.teamsById.get(request.teamId),
      teamName: (id) => teamName(data.directory.teamsById, id),
    });
  });

  protected readonly canDecide = computed(() => {
    const me = this.session.user();
    const request = this.request();
    const data = this.state().data;
    if (!me || !request || !data) return false;
    if (me.role === 'admin') return PENDING.has(request.status);
    if (request.status === 'pending_manager') return data.directory.usersById.get(request.pmId)?.managerId === me.id;
    if (request.status === 'pending_host') return data.directory.teamsById.get(request.teamId)?.managerId === me.id;
    return false;
  });

  protected async approve(request: RotationRequest): Promise<void> {
    this.busy.set(true);
    this.actionError.set(null);
    this.suggestions.set([]);
    this.message.set(null);
    try {
      const updated = await firstValueFrom(this.api.approve(request, this.comment.value));
      this.request.set(updated);
      this.comment.reset();
      this.message.set(
        updated.status === 'booked'
          ? `Approved and booked: ${this.pm()} joins ${this.team()} from ${formatDay(updated.startDate)}.`
          : `Approved: ${this.pm()} is released. The request now waits for the host team's manager.`,
      );
    } catch (error) {
      const { message, body } = describeError(error);
      this.actionError.set(message);
      const suggestions = body?.code === 'CAPACITY_FULL' ? body.details['suggestions'] : undefined;
      this.suggestions.set(Array.isArray(suggestions) ? (suggestions as SlotSuggestion[]) : []);
    } finally {
      this.busy.set(false);
    }
  }

  protected async reject(request: RotationRequest): Promise<void> {
    const pmName = this.pm();
    const updated = await askForComment(
      this.dialog,
      {
        title: 'Reject request',
        intro: `${pmName} asked for ${this.team()}. Say why you reject it; ${pmName} gets your comment by email.`,
        label: 'Comment',
        required: 'A comment is required to reject.',
        busy: 'Rejecting…',
        dismiss: 'Keep it',
        submit: 'Reject request',
        focusField: true,
        send: (comment) => this.api.reject(request, comment),
        describeError,
      },
      { autoFocus: 'first-tabbable' },
    );
    if (updated) {
      this.request.set(updated);
      this.actionError.set(null);
      this.suggestions.set([]);
      this.message.set(`Rejected. ${this.pm()} gets your comment by email.`);
    }
  }

  protected reload(): void {
    this.tick.update((n) => n + 1);
  }

  protected person(id: string | null | undefined): string {
    const data = this.state().data;
    return data ? personName(data.directory.usersById, id) : '';
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

  protected day(date: string): string {
    return formatDay(date);
  }

  protected instant(at: string): string {
    return formatInstant(at);
  }
}
