import { type PlacementFacts, type SqlWrite, valuesRow } from '@stint/api-core';
import type { RotationParties } from '@stint/api-notifications';
import { createHolidayCalendar, planCheckIns, type PlannedCheckIn, type Policy } from '@stint/scheduling';
import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { CheckInEntity } from '../check-in.entity';

/** What moving a placement did to its check-ins. */
export interface CadenceChange {
  /** Open check-ins that got a new moment (same id, so the same invite UID), with the moment they had. */
  moved: Array<{ checkIn: CheckInEntity; oldAt: Date }>;
  /** Check-ins the new dates need that the old ones did not have. */
  created: CheckInEntity[];
  /** Open check-ins the new dates no longer have (deleted; their invite sequence bumped for the cancellation). */
  dropped: CheckInEntity[];
}

function plan(placement: PlacementFacts, parties: RotationParties, policy: Policy): PlannedCheckIn[] {
  return planCheckIns({
    startDate: placement.startDate,
    durationWeeks: placement.durationWeeks,
    policy,
    pmTimeZone: parties.pm.timezone,
    isHoliday: createHolidayCalendar(parties.team.holidayCountry),
  });
}

function newCheckIn(m: EntityManager, placementId: string, p: PlannedCheckIn): CheckInEntity {
  return m.create(CheckInEntity, {
    placementId,
    kind: p.kind,
    dueDate: p.date,
    scheduledAt: p.scheduledAt,
    inviteSequence: 0,
  });
}

/**
 * Lays out the check-ins of a newly booked placement, each with its id (so
 * that its invite can name it before the row is written) and the values a
 * new row starts with; `checkInsInsert` writes them.
 */
export function layOutCheckIns(
  m: EntityManager,
  placement: PlacementFacts,
  parties: RotationParties,
  policy: Policy,
): CheckInEntity[] {
  return plan(placement, parties, policy).map((p) =>
    Object.assign(newCheckIn(m, placement.id, p), {
      id: randomUUID(),
      completedAt: null,
      cancelledAt: null,
      ratingNegotiation: null,
      ratingClosing: null,
      ratingPersistence: null,
      extraRatings: {},
      notes: '',
      wouldSendAgain: null,
      goalOutcomes: null,
      completedBy: null,
    }),
  );
}

const CHECK_IN_CASTS = ['::uuid', '::uuid', '::text', '::date', '::timestamptz', '::integer'];

/** The INSERT of laid-out check-ins, as one write of a larger statement (the booking's emails carry it). */
export function checkInsInsert(checkIns: readonly CheckInEntity[]): SqlWrite {
  return (first) => ({
    sql: `INSERT INTO check_ins (id, placement_id, kind, due_date, scheduled_at, invite_sequence) VALUES ${checkIns
      .map((_, i) => valuesRow(first + i * CHECK_IN_CASTS.length, CHECK_IN_CASTS))
      .join(', ')}`,
    params: checkIns.flatMap((c) => [c.id, c.placementId, c.kind, c.dueDate, c.scheduledAt, c.inviteSequence]),
  });
}

/**
 * Lays the check-ins out again for a placement's new dates. Old and new are
 * matched by kind and order, so a moved check-in keeps its id (and its
 * invite's UID); completed check-ins stay as they are.
 */
export async function relayCheckIns(
  m: EntityManager,
  placement: PlacementFacts,
  parties: RotationParties,
  policy: Policy,
): Promise<CadenceChange> {
  const existing = await m.find(CheckInEntity, {
    where: { placementId: placement.id },
    order: { scheduledAt: 'ASC' },
  });
  const byKind = new Map<string, CheckInEntity[]>();
  for (const c of existing) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
  const kept: CheckInEntity[] = [];
  const change: CadenceChange = { moved: [], created: [], dropped: [] };
  const seenPerKind = new Map<string, number>();
  for (const p of plan(placement, parties, policy)) {
    const index = seenPerKind.get(p.kind) ?? 0;
    seenPerKind.set(p.kind, index + 1);
    const match = byKind.get(p.kind)?.[index];
    if (match?.completedAt) {
      kept.push(match);
    } else if (match) {
      change.moved.push({ checkIn: match, oldAt: match.scheduledAt });
      Object.assign(match, {
        dueDate: p.date,
        scheduledAt: p.scheduledAt,
        inviteSequence: match.inviteSequence + 1,
        cancelledAt: null,
      });
      await m.save(match);
    } else {
      change.created.push(await m.save(newCheckIn(m, placement.id, p)));
    }
  }
  const used = new Set([...kept, ...change.moved.map((x) => x.checkIn), ...change.created].map((c) => c.id));
  change.dropped = existing.filter((c) => !used.has(c.id) && !c.completedAt);
  for (const c of change.dropped) c.inviteSequence += 1;
  if (change.dropped.length) await m.delete(CheckInEntity, { id: In(change.dropped.map((c) => c.id)) });
  return change;
}

/** Cancels a placement's open check-ins at `now` (their invite sequence bumped); returns them. */
export async function cancelOpenCheckIns(m: EntityManager, placementId: string, now: Date): Promise<CheckInEntity[]> {
  const all = await m.find(CheckInEntity, { where: { placementId }, order: { scheduledAt: 'ASC' } });
  const open = all.filter((c) => !c.completedAt && !c.cancelledAt);
  for (const c of open) {
    c.cancelledAt = now;
    c.inviteSequence += 1;
  }
  // One statement: TypeORM saves several updated rows in parallel on the transaction's single connection.
  if (open.length) {
    await m.query(
      `UPDATE check_ins SET cancelled_at = $1, invite_sequence = invite_sequence + 1, updated_at = now() WHERE id = ANY($2::uuid[])`,
      [now.toISOString(), open.map((c) => c.id)],
    );
  }
  return open;
}
