import { checkInEvent, placementEvent } from '@stint/api-checkins';
import type { FeedEvent, Person, RotationParties } from '@stint/api-notifications';
import type { CheckInKind } from '@stint/contracts';
import type { FeedCheckInRow, FeedPlacementRow } from './calendar-feed.queries';

function parties(r: FeedPlacementRow): RotationParties {
  const person = (id: string, name: string, email: string, timezone: string): Person => ({ id, name, email, timezone });
  return {
    pm: person(r.pm_id, r.pm_name, r.pm_email, r.pm_tz),
    lineManager: r.lm_id ? person(r.lm_id, r.lm_name ?? '', r.lm_email ?? '', r.lm_tz ?? 'UTC') : null,
    hostManager: person(r.hm_id, r.hm_name, r.hm_email, r.hm_tz),
    team: { id: r.t_id, name: r.t_name, timezone: r.t_tz, holidayCountry: r.t_hc },
  };
}

/**
 * The feed's events, built by the very functions that build the emailed
 * invites (placementEvent, checkInEvent): the same UID and SEQUENCE for each
 * placement and check-in, so a calendar that has the invite and the feed
 * holds one event. Each event's DTSTAMP is its row's last change.
 */
export function feedEvents(placements: FeedPlacementRow[], checkIns: FeedCheckInRow[], appUrl: string): FeedEvent[] {
  const partiesOf = new Map(placements.map((p) => [p.id, parties(p)]));
  const events: FeedEvent[] = [];
  for (const p of placements) {
    if (!p.in_window) continue;
    const spec = placementEvent(
      { id: p.id, startDate: p.start_date, endDate: p.end_date, sequence: p.sequence },
      partiesOf.get(p.id) as RotationParties,
      appUrl,
    );
    events.push({ spec, stamp: p.updated_at });
  }
  for (const c of checkIns) {
    const around = partiesOf.get(c.placement_id);
    if (!around) continue;
    const checkIn = {
      id: c.id,
      kind: c.kind as CheckInKind,
      scheduledAt: c.scheduled_at,
      inviteSequence: c.invite_sequence,
    };
    events.push({ spec: checkInEvent(checkIn, around, appUrl), stamp: c.updated_at });
  }
  return events;
}
