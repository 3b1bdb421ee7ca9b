import { Injectable } from '@nestjs/common';
import {
  afterCommit,
  Clock,
  loadPolicy,
  PlacementEffects,
  PlacementFacts,
  RequestFacts,
  type SqlWrite,
} from '@stint/api-core';
import { loadParties } from '@stint/api-notifications';
import type { EntityManager } from 'typeorm';
import { ReminderScheduler } from '../reminders/reminder-scheduler.service';
import { cancelOpenCheckIns, checkInsInsert, layOutCheckIns, relayCheckIns } from './check-in-cadence';
import { CheckInEmails } from './check-in-emails';

/**
 * Booking's `PLACEMENT_EFFECTS` port: the check-ins side of a placement's
 * life, run inside the booking transaction. Lays out (or moves, or cancels)
 * the cadence, records the emails with their invites (outbox), and after
 * commit mirrors the reminder jobs into Redis.
 */
@Injectable()
export class CheckInPlacementEffects implements PlacementEffects {
  constructor(
    private readonly emails: CheckInEmails,
    private readonly scheduler: ReminderScheduler,
    private readonly clock: Clock,
  ) {}

  async booked(
    m: EntityManager,
    placement: PlacementFacts,
    request: RequestFacts,
    bookingWrites: readonly SqlWrite[],
  ): Promise<void> {
    const parties = await loadParties(m, placement.pmId, placement.teamId);
    const policy = await loadPolicy(m);
    const checkIns = layOutCheckIns(m, placement, parties, policy);
    // The booking's own writes and the check-ins are made in the emails' statement (the booking holds its team's
    // lock): one round trip for all of it.
    const writes = [...bookingWrites, ...(checkIns.length ? [checkInsInsert(checkIns)] : [])];
    await this.emails.booked(m, { placement, request, parties, checkIns }, this.clock.now(), writes);
    afterCommit(() => this.scheduler.scheduleCheckIns(checkIns, policy));
  }

  async rescheduled(m: EntityManager, placement: PlacementFacts): Promise<void> {
    const parties = await loadParties(m, placement.pmId, placement.teamId);
    const policy = await loadPolicy(m);
    const change = await relayCheckIns(m, placement, parties, policy);
    await this.emails.rescheduled(m, { placement, parties, change }, this.clock.now());
    afterCommit(async () => {
      for (const x of change.moved) await this.scheduler.unscheduleCheckIn(x.checkIn.id, x.oldAt, policy);
      for (const c of change.dropped) await this.scheduler.unscheduleCheckIn(c.id, c.scheduledAt, policy);
      for (const c of [...change.moved.map((x) => x.checkIn), ...change.created])
        await this.scheduler.scheduleCheckIn(c, policy);
    });
  }

  async cancelled(m: EntityManager, placement: PlacementFacts): Promise<void> {
    const parties = await loadParties(m, placement.pmId, placement.teamId);
    const now = this.clock.now();
    const cancelled = await cancelOpenCheckIns(m, placement.id, now);
    await this.emails.cancelled(m, { placement, parties, checkIns: cancelled }, now);
    const policy = await loadPolicy(m);
    afterCommit(async () => {
      for (const c of cancelled) await this.scheduler.unscheduleCheckIn(c.id, c.scheduledAt, policy);
    });
  }
}
