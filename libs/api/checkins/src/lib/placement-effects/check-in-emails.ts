import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, PlacementFacts, RequestFacts, type SqlWrite } from '@stint/api-core';
import {
  EmailContent,
  localRange,
  localTime,
  OutboxService,
  Person,
  RotationParties,
  StoredAttachment,
  uniquePeople,
} from '@stint/api-notifications';
import type { NotificationKind } from '@stint/contracts';
import type { EntityManager } from 'typeorm';
import type { CheckInEntity } from '../check-in.entity';
import { checkInEvent, inviteAttachments, KIND_LABEL, placementEvent } from '../invites';
import type { CadenceChange } from './check-in-cadence';

function weeks(n: number): string {
  return `${n} week${n === 1 ? '' : 's'}`;
}

/** A check-in as a line of an email: its kind, and its moment in the reader's time zone. */
function checkInFact(c: CheckInEntity, person: Person): [string, string] {
  return [KIND_LABEL[c.kind] ?? c.kind, localTime(c.scheduledAt, person)];
}

/** One event's email to the parties of a placement: the invites attached, and other writes of the change. */
interface PartiesMail {
  placement: PlacementFacts;
  parties: RotationParties;
  attachments: StoredAttachment[];
  alongside?: readonly SqlWrite[];
}

/**
 * The emails a placement's booking, move and cancellation send to the PM,
 * their line manager and the host manager, each with the calendar invites
 * (placement first, then its check-ins), recorded in the outbox.
 */
@Injectable()
export class CheckInEmails {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `alongside`: the booking's other writes, made in the emails' statement. */
  async booked(
    m: EntityManager,
    at: { placement: PlacementFacts; request: RequestFacts; parties: RotationParties; checkIns: CheckInEntity[] },
    now: Date,
    alongside: readonly SqlWrite[] = [],
  ): Promise<void> {
    const { placement, request, parties, checkIns } = at;
    const attachments = inviteAttachments('REQUEST', this.events(placement, parties, checkIns), now);
    const mail = { placement, parties, attachments, alongside };
    await this.toParties(m, 'booked', `booked:${placement.id}`, mail, (person) => ({
      subject: `Booked: ${parties.pm.name} joins ${parties.team.name} ${localRange(placement.startDate, placement.endDate, person)}`,
      heading: 'The rotation is booked',
      paragraphs: [
        `${parties.pm.name} will spend ${weeks(placement.durationWeeks)} in ${parties.team.name}.`,
        `The calendar invites attached hold the placement and its ${checkIns.length} check-ins.`,
        ...(request.goals.length ? [`Goals: ${request.goals.join(', ')}.`] : []),
      ],
      facts: [
        ['Team', parties.team.name],
        ['Dates', localRange(placement.startDate, placement.endDate, person)],
        ...checkIns.map((c) => checkInFact(c, person)),
      ],
      action: this.openPlacement(placement),
    }));
  }

  async rescheduled(
    m: EntityManager,
    at: { placement: PlacementFacts; parties: RotationParties; change: CadenceChange },
    now: Date,
  ): Promise<void> {
    const { placement, parties, change } = at;
    const current = [...change.moved.map((x) => x.checkIn), ...change.created];
    const updates = inviteAttachments('REQUEST', this.events(placement, parties, current), now);
    const cancels = change.dropped.length
      ? inviteAttachments(
          'CANCEL',
          change.dropped.map((c) => checkInEvent(c, parties, this.config.appUrl)),
          now,
        )
      : [];
    const dedupe = `rescheduled:${placement.id}:${placement.sequence}`;
    const mail = { placement, parties, attachments: [...updates, ...cancels] };
    await this.toParties(m, 'rescheduled', dedupe, mail, (person) => ({
      subject: `Moved: ${parties.pm.name} in ${parties.team.name}, now ${localRange(placement.startDate, placement.endDate, person)}`,
      heading: 'The rotation has new dates',
      paragraphs: [
        `The placement of ${parties.pm.name} in ${parties.team.name} now runs ${localRange(placement.startDate, placement.endDate, person)}. The attached invites replace the earlier ones.`,
      ],
      facts: [...current]
        .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime())
        .map((c) => checkInFact(c, person)),
      action: this.openPlacement(placement),
    }));
  }

  async cancelled(
    m: EntityManager,
    at: { placement: PlacementFacts; parties: RotationParties; checkIns: CheckInEntity[] },
    now: Date,
  ): Promise<void> {
    const { placement, parties, checkIns } = at;
    const attachments = inviteAttachments('CANCEL', this.events(placement, parties, checkIns), now);
    await this.toParties(
      m,
      'cancelled',
      `cancelled:${placement.id}`,
      { placement, parties, attachments },
      (person) => ({
        subject: `Cancelled: ${parties.pm.name} in ${parties.team.name} (${localRange(placement.startDate, placement.endDate, person)})`,
        heading: 'The rotation is cancelled',
        paragraphs: [
          `The placement of ${parties.pm.name} in ${parties.team.name} has been cancelled.`,
          `Reason: ${placement.cancelledReason ?? ''}`,
          'The attached cancellations remove the events from your calendar.',
        ],
      }),
    );
  }

  private events(placement: PlacementFacts, parties: RotationParties, checkIns: CheckInEntity[]) {
    return [
      placementEvent(placement, parties, this.config.appUrl),
      ...checkIns.map((c) => checkInEvent(c, parties, this.config.appUrl)),
    ];
  }

  private openPlacement(placement: PlacementFacts): EmailContent['action'] {
    return { label: 'Open the placement', url: `${this.config.appUrl}/placements/${placement.id}` };
  }

  /** One email to each of the PM, line manager and host manager (each once), deduplicated per person, in one insert. */
  private async toParties(
    m: EntityManager,
    kind: NotificationKind,
    dedupePrefix: string,
    mail: PartiesMail,
    content: (person: Person) => EmailContent,
  ): Promise<void> {
    const { placement, parties, attachments, alongside } = mail;
    await this.outbox.recordAll(
      m,
      uniquePeople([parties.pm, parties.lineManager, parties.hostManager]).map((person) => ({
        kind,
        to: person,
        dedupeKey: `${dedupePrefix}:${person.id}`,
        related: { type: 'placement', id: placement.id },
        attachments,
        content: content(person),
      })),
      alongside,
    );
  }
}
