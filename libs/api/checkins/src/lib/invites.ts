import { buildInvite, CalendarEventSpec, Person, RotationParties, StoredAttachment } from '@stint/api-notifications';
import type { CheckInEntity } from './check-in.entity';

export const KIND_LABEL: Record<string, string> = {
  kickoff: 'Kickoff',
  weekly: 'Weekly check-in',
  midpoint: 'Midpoint check-in',
  final: 'Final retrospective',
  follow_up: 'Follow-up after return',
  pulse: 'Pulse after return',
};

const CHECK_IN_MINUTES = 30;

export function placementUid(placementId: string): string {
  return `placement-${placementId}@stint`;
}

export function checkInUid(checkInId: string): string {
  return `checkin-${checkInId}@stint`;
}

function people(parties: RotationParties, organizer: Person): Pick<CalendarEventSpec, 'organizer' | 'attendees'> {
  const attendees = [parties.pm, parties.lineManager, parties.hostManager].filter((p): p is Person => p !== null);
  return {
    organizer: { name: organizer.name, email: organizer.email },
    attendees: attendees.map((a) => ({ name: a.name, email: a.email })),
  };
}

export function placementEvent(
  placement: { id: string; startDate: string; endDate: string; sequence: number },
  parties: RotationParties,
  appUrl: string,
): CalendarEventSpec {
  return {
    uid: placementUid(placement.id),
    sequence: placement.sequence,
    summary: `Sales rotation: ${parties.pm.name} in ${parties.team.name}`,
    description: `${parties.pm.name} joins ${parties.team.name} from ${placement.startDate} to ${placement.endDate}.`,
    url: `${appUrl}/placements/${placement.id}`,
    when: { allDay: { startDate: placement.startDate, endDate: placement.endDate } },
    ...people(parties, parties.hostManager),
  };
}

export function checkInEvent(
  checkIn: Pick<CheckInEntity, 'id' | 'kind' | 'scheduledAt' | 'inviteSequence'>,
  parties: RotationParties,
  appUrl: string,
): CalendarEventSpec {
  return {
    uid: checkInUid(checkIn.id),
    sequence: checkIn.inviteSequence,
    summary: `${KIND_LABEL[checkIn.kind] ?? checkIn.kind}: ${parties.pm.name} × ${parties.team.name}`,
    description:
      checkIn.kind === 'pulse'
        ? `Stint pulse: ${parties.lineManager?.name ?? 'the line manager'} says how well ${parties.pm.name} applies what the rotation taught: ${appUrl}/check-ins/${checkIn.id}`
        : `Stint check-in. Reflect and rate each skill: ${appUrl}/check-ins/${checkIn.id}`,
    url: `${appUrl}/check-ins/${checkIn.id}`,
    when: { at: checkIn.scheduledAt, minutes: CHECK_IN_MINUTES },
    ...people(parties, checkIn.kind === 'pulse' ? (parties.lineManager ?? parties.hostManager) : parties.hostManager),
  };
}

/** One .ics attachment per event (placement first), as the email table asks. */
export function inviteAttachments(
  method: 'REQUEST' | 'CANCEL',
  events: CalendarEventSpec[],
  stamp: Date,
): StoredAttachment[] {
  return events.map((event, i) => ({
    filename: i === 0 ? (method === 'CANCEL' ? 'cancelled.ics' : 'invite.ics') : `check-in-${i}.ics`,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: buildInvite(method, [event], stamp),
  }));
}
