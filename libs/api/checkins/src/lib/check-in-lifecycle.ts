import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  afterCommit,
  APP_CONFIG,
  AppConfig,
  Clock,
  loadPolicy,
  PlacementCheckIns,
  PlacementEffects,
  PlacementFacts,
  RequestFacts,
  RequestNotices,
} from '@stint/api-core';
import { OutboxService } from '@stint/api-notifications';
import type { CheckIn } from '@stint/contracts';
import { createHolidayCalendar, planCheckIns } from '@stint/scheduling';
import { DataSource, EntityManager, In } from 'typeorm';
import { checkInStatus } from './check-in-status';
import { CheckInEntity, CheckInFeedbackEntity } from './check-in.entity';
import { checkInEvent, inviteAttachments, KIND_LABEL, placementEvent } from './invites';
import { loadParties, localTime, Person, RotationParties, uniquePeople } from './parties';
import { ReminderScheduler } from './reminder-scheduler.service';

/**
 * The check-ins side of a placement's life, run inside the booking
 * transaction: lays out the cadence, records the emails with their invites
 * (outbox), and after commit mirrors the reminder jobs into Redis.
 */
@Injectable()
export class CheckInLifecycle implements PlacementEffects, RequestNotices, PlacementCheckIns {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly scheduler: ReminderScheduler,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async booked(m: EntityManager, placement: PlacementFacts, request: RequestFacts): Promise<void> {
    const parties = await loadParties(m, placement.pmId, placement.teamId);
    const policy = await loadPolicy(m);
    const planned = planCheckIns({
      startDate: placement.startDate,
      durationWeeks: placement.durationWeeks,
      policy,
      pmTimeZone: parties.pm.timezone,
      isHoliday: createHolidayCalendar(parties.team.holidayCountry),
    });
    const checkIns = await m.save(
      planned.map((p) =>
        m.create(CheckInEntity, {
          placementId: placement.id,
          kind: p.kind,
          dueDate: p.date,
          scheduledAt: p.scheduledAt,
          inviteSequence: 0,
        }),
      ),
    );
    const now = this.clock.now();
    const attachments = inviteAttachments(
      'REQUEST',
      [
        placementEvent(placement, parties, this.config.appUrl),
        ...checkIns.map((c) => checkInEvent(c, parties, this.config.appUrl)),
      ],
      now,
    );
    for (const person of uniquePeople([parties.pm, parties.lineManager, parties.hostManager])) {
      await this.outbox.record(m, {
        kind: 'booked',
        to: person,
        dedupeKey: `booked:${placement.id}:${person.id}`,
        related: { type: 'placement', id: placement.id },
        attachments,
        content: {
          subject: `Booked: ${parties.pm.name} joins ${parties.team.name} ${placement.startDate} – ${placement.endDate}`,
          heading: 'The rotation is booked',
          paragraphs: [
            `${parties.pm.name} will spend ${placement.durationWeeks} week${placement.durationWeeks === 1 ? '' : 's'} in ${parties.team.name}.`,
            `The calendar invites attached hold the placement and its ${checkIns.length} check-ins.`,
            ...(request.goals.length ? [`Goals: ${request.goals.join(', ')}.`] : []),
          ],
          facts: [
            ['Team', parties.team.name],
            ['Dates', `${placement.startDate} to ${placement.endDate}`],
            ...checkIns.map((c): [string, string] => [
              KIND_LABEL[c.kind] ?? c.kind,
              localTime(c.scheduledAt, person.timezone),
            ]),
          ],
          action: { label: 'Open the placement', url: `${this.config.appUrl}/placements/${placement.id}` },
        },
      });
    }
    afterCommit(async () => {
      for (const c of checkIns) await this.scheduler.scheduleCheckIn(c, policy);
    });
  }

  async rescheduled(m: EntityManager, placement: PlacementFacts): Promise<void> {
    const parties = await loadParties(m, placement.pmId, placement.teamId);
    const policy = await loadPolicy(m);
    const existing = await m.find(CheckInEntity, {
      where: { placementId: placement.id },
      order: { scheduledAt: 'ASC' },
    });
    const planned = planCheckIns({
      startDate: placement.startDate,
      durationWeeks: placement.durationWeeks,
      policy,
      pmTimeZone: parties.pm.timezone,
      isHoliday: createHolidayCalendar(parties.team.holidayCountry),
    });
    // Match old and new check-ins by kind and order, so a moved check-in keeps its id (and its invite's UID).
    const byKind = new Map<string, CheckInEntity[]>();
    for (const c of existing) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
    const kept: CheckInEntity[] = [];
    const moved: Array<{ checkIn: CheckInEntity; oldAt: Date }> = [];
    const created: CheckInEntity[] = [];
    const seenPerKind = new Map<string, number>();
    for (const p of planned) {
      const index = seenPerKind.get(p.kind) ?? 0;
      seenPerKind.set(p.kind, index + 1);
      const match = byKind.get(p.kind)?.[index];
      if (match?.completedAt) {
        kept.push(match);
      } else if (match) {
        moved.push({ checkIn: match, oldAt: match.scheduledAt });
        Object.assign(match, {
          dueDate: p.date,
          scheduledAt: p.scheduledAt,
          inviteSequence: match.inviteSequence + 1,
          cancelledAt: null,
        });
        await m.save(match);
      } else {
        created.push(
          await m.save(
            m.create(CheckInEntity, {
              placementId: placement.id,
              kind: p.kind,
              dueDate: p.date,
              scheduledAt: p.scheduledAt,
              inviteSequence: 0,
            }),
          ),
        );
      }
    }
    const used = new Set([...kept, ...moved.map((x) => x.checkIn), ...created].map((c) => c.id));
    const dropped = existing.filter((c) => !used.has(c.id) && !c.completedAt);
    for (const c of dropped) c.inviteSequence += 1;
    if (dropped.length) await m.delete(CheckInEntity, { id: In(dropped.map((c) => c.id)) });

    const now = this.clock.now();
    const updates = inviteAttachments(
      'REQUEST',
      [
        placementEvent(placement, parties, this.config.appUrl),
        ...[...moved.map((x) => x.checkIn), ...created].map((c) => checkInEvent(c, parties, this.config.appUrl)),
      ],
      now,
    );
    const cancels = dropped.length
      ? inviteAttachments(
          'CANCEL',
          dropped.map((c) => checkInEvent(c, parties, this.config.appUrl)),
          now,
        )
      : [];
    for (const person of uniquePeople([parties.pm, parties.lineManager, parties.hostManager])) {
      await this.outbox.record(m, {
        kind: 'rescheduled',
        to: person,
        dedupeKey: `rescheduled:${placement.id}:${placement.sequence}:${person.id}`,
        related: { type: 'placement', id: placement.id },
        attachments: [...updates, ...cancels],
        content: {
          subject: `Moved: ${parties.pm.name} in ${parties.team.name}, now ${placement.startDate} – ${placement.endDate}`,
          heading: 'The rotation has new dates',
          paragraphs: [
            `The placement of ${parties.pm.name} in ${parties.team.name} now runs from ${placement.startDate} to ${placement.endDate}. The attached invites replace the earlier ones.`,
          ],
          facts: [...moved.map((x) => x.checkIn), ...created]
            .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime())
            .map((c): [string, string] => [KIND_LABEL[c.kind] ?? c.kind, localTime(c.scheduledAt, person.timezone)]),
          action: { label: 'Open the placement', url: `${this.config.appUrl}/placements/${placement.id}` },
        },
      });
    }
    afterCommit(async () => {
      for (const x of moved) await this.scheduler.unscheduleCheckIn(x.checkIn.id, x.oldAt, policy);
      for (const c of dropped) await this.scheduler.unscheduleCheckIn(c.id, c.scheduledAt, policy);
      for (const c of [...moved.map((x) => x.checkIn), ...created]) await this.scheduler.scheduleCheckIn(c, policy);
    });
  }

  async cancelled(m: EntityManager, placement: PlacementFacts): Promise<void> {
    const parties = await loadParties(m, placement.pmId, placement.teamId);
    const now = this.clock.now();
    const open = await m.find(CheckInEntity, { where: { placementId: placement.id }, order: { scheduledAt: 'ASC' } });
    const future = open.filter((c) => !c.completedAt && !c.cancelledAt);
    for (const c of future) {
      c.cancelledAt = now;
      c.inviteSequence += 1;
    }
    // One statement: TypeORM saves several updated rows in parallel on the transaction's single connection.
    if (future.length) {
      await m.query(
        `UPDATE check_ins SET cancelled_at = $1, invite_sequence = invite_sequence + 1, updated_at = now() WHERE id = ANY($2::uuid[])`,
        [now.toISOString(), future.map((c) => c.id)],
      );
    }
    const attachments = inviteAttachments(
      'CANCEL',
      [
        placementEvent(placement, parties, this.config.appUrl),
        ...future.map((c) => checkInEvent(c, parties, this.config.appUrl)),
      ],
      now,
    );
    for (const person of uniquePeople([parties.pm, parties.lineManager, parties.hostManager])) {
      await this.outbox.record(m, {
        kind: 'cancelled',
        to: person,
        dedupeKey: `cancelled:${placement.id}:${person.id}`,
        related: { type: 'placement', id: placement.id },
        attachments,
        content: {
          subject: `Cancelled: ${parties.pm.name} in ${parties.team.name} (${placement.startDate} – ${placement.endDate})`,
          heading: 'The rotation is cancelled',
          paragraphs: [
            `The placement of ${parties.pm.name} in ${parties.team.name} has been cancelled.`,
            `Reason: ${placement.cancelledReason ?? ''}`,
            'The attached cancellations remove the events from your calendar.',
          ],
        },
      });
    }
    const policy = await loadPolicy(m);
    afterCommit(async () => {
      for (const c of future) await this.scheduler.unscheduleCheckIn(c.id, c.scheduledAt, policy);
    });
  }

  submitted(m: EntityManager, request: RequestFacts): Promise<void> {
    return this.requestEvent(m, 'submitted', request);
  }

  released(m: EntityManager, request: RequestFacts): Promise<void> {
    return this.requestEvent(m, 'pending_host', request);
  }

  rejected(m: EntityManager, request: RequestFacts): Promise<void> {
    return this.requestEvent(m, 'rejected', request);
  }

  private async requestEvent(
    m: EntityManager,
    event: 'submitted' | 'pending_host' | 'rejected',
    request: RequestFacts,
  ): Promise<void> {
    const parties = await loadParties(m, request.pmId, request.teamId);
    const approveUrl = `${this.config.appUrl}/approvals/${request.id}`;
    const facts: Array<[string, string]> = [
      ['PM', parties.pm.name],
      ['Team', parties.team.name],
      [
        'Dates',
        `${request.startDate} to ${request.endDate} (${request.durationWeeks} week${request.durationWeeks === 1 ? '' : 's'})`,
      ],
      ['Goals', request.goals.join(', ') || '—'],
    ];
    const version = request.pendingSince.getTime();
    if (event === 'submitted') {
      const to: Person | null = parties.lineManager;
      if (to) {
        await this.outbox.record(m, {
          kind: 'request_submitted',
          to,
          dedupeKey: `request_submitted:${request.id}:${version}`,
          related: { type: 'rotation_request', id: request.id },
          content: {
            subject: `${parties.pm.name} asks to join ${parties.team.name} for a sales rotation`,
            heading: 'A rotation request waits for your release',
            paragraphs: [
              `${parties.pm.name} asks to spend time in ${parties.team.name}. As their line manager, please release or decline them.`,
              ...(request.motivation ? [`Motivation: ${request.motivation}`] : []),
            ],
            facts,
            action: { label: 'Review the request', url: approveUrl },
          },
        });
      }
    } else if (event === 'pending_host') {
      await this.outbox.record(m, {
        kind: 'request_pending_host',
        to: parties.hostManager,
        dedupeKey: `request_pending_host:${request.id}:${version}`,
        related: { type: 'rotation_request', id: request.id },
        content: {
          subject: `Host ${parties.pm.name} in ${parties.team.name}?`,
          heading: 'A PM has been released to join your team',
          paragraphs: [
            `${parties.pm.name}'s line manager has released them for a rotation in ${parties.team.name}. Agree to host to book it.`,
          ],
          facts,
          action: { label: 'Review the request', url: approveUrl },
        },
      });
    } else {
      const comments = await m.query(
        `SELECT comment FROM request_approvals WHERE request_id = $1 AND decision = 'rejected' ORDER BY at DESC LIMIT 1`,
        [request.id],
      );
      const comment = (comments as Array<{ comment: string }>)[0]?.comment ?? '';
      await this.outbox.record(m, {
        kind: 'request_rejected',
        to: parties.pm,
        dedupeKey: `request_rejected:${request.id}`,
        related: { type: 'rotation_request', id: request.id },
        content: {
          subject: `Your rotation request for ${parties.team.name} was declined`,
          heading: 'Your rotation request was declined',
          paragraphs: [`Comment: ${comment}`, 'You can find another slot and ask again.'],
          facts,
          action: { label: 'Open my rotations', url: `${this.config.appUrl}/my-rotations` },
        },
      });
    }
    if (request.status === 'pending_manager' || request.status === 'pending_host') {
      const snapshot = { id: request.id, status: request.status, pendingSince: request.pendingSince };
      afterCommit(() => this.scheduler.scheduleApprovalNudges(snapshot));
    }
  }

  async checkInsFor(placementIds: string[]): Promise<Map<string, CheckIn[]>> {
    const result = new Map<string, CheckIn[]>(placementIds.map((id) => [id, []]));
    if (!placementIds.length) return result;
    const [checkIns, policy] = await Promise.all([
      this.db
        .getRepository(CheckInEntity)
        .find({ where: { placementId: In(placementIds) }, order: { scheduledAt: 'ASC' } }),
      loadPolicy(this.db.manager),
    ]);
    const feedback = checkIns.length
      ? await this.db
          .getRepository(CheckInFeedbackEntity)
          .find({ where: { checkInId: In(checkIns.map((c) => c.id)) }, order: { at: 'ASC' } })
      : [];
    const now = this.clock.now();
    for (const c of checkIns) result.get(c.placementId)?.push(toCheckIn(c, feedback, now, policy.overdueAfterHours));
    return result;
  }
}

export function toCheckIn(
  c: CheckInEntity,
  feedback: CheckInFeedbackEntity[],
  now: Date,
  overdueAfterHours: number,
): CheckIn {
  return {
    id: c.id,
    placementId: c.placementId,
    kind: c.kind,
    scheduledAt: c.scheduledAt.toISOString(),
    status: checkInStatus(c, now, overdueAfterHours),
    completedAt: c.completedAt ? c.completedAt.toISOString() : null,
    ratings:
      c.ratingNegotiation !== null && c.ratingClosing !== null && c.ratingPersistence !== null
        ? { negotiation: c.ratingNegotiation, closing: c.ratingClosing, persistence: c.ratingPersistence }
        : null,
    notes: c.notes,
    feedback: feedback
      .filter((f) => f.checkInId === c.id)
      .map((f) => ({ byId: f.byId, text: f.text, at: f.at.toISOString() })),
    opensOn: c.dueDate,
  };
}

export type { RotationParties };
