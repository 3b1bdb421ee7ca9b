import { Injectable } from '@nestjs/common';
import type { CheckIn } from '@stint/contracts';
import type { EntityManager } from 'typeorm';
import type { PlacementEntity } from './placement.entity';
import type { RotationRequestEntity } from './rotation-request.entity';

/**
 * What else happens, in the same transaction, when a placement is booked,
 * moved or cancelled: check-ins laid out, reminders and emails recorded.
 * The check-ins feature provides the real implementation by overriding
 * this provider; booking itself only calls these hooks.
 */
@Injectable()
export class PlacementLifecycle {
  async booked(_m: EntityManager, _placement: PlacementEntity, _request: RotationRequestEntity): Promise<void> {
    // Check-ins and confirmations are laid out here (check-ins feature).
  }

  async rescheduled(
    _m: EntityManager,
    _placement: PlacementEntity,
    _before: { startDate: string; endDate: string },
  ): Promise<void> {
    // Check-ins are regenerated and invites updated here.
  }

  async cancelled(_m: EntityManager, _placement: PlacementEntity): Promise<void> {
    // Future check-ins are cancelled and invites withdrawn here.
  }

  /** The check-ins of these placements, for placement responses. */
  async checkInsFor(_placementIds: string[]): Promise<Map<string, CheckIn[]>> {
    return new Map();
  }

  /** Request events that email someone (submitted, released to host, rejected). */
  async requestEvent(
    _m: EntityManager,
    _event: 'submitted' | 'pending_host' | 'rejected',
    _request: RotationRequestEntity,
  ): Promise<void> {
    // The outbox records the email here.
  }
}
