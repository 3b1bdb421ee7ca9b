import type { SqlWrite } from '../database/sql-writes';
import type { CheckIn, RequestStatus } from '@stint/contracts';
import type { EntityManager } from 'typeorm';

/**
 * What booking tells the rest of Stint, and what it asks of it. Booking
 * injects these ports; another room provides each one. None has a default:
 * an application that wires booking without them fails at start with Nest's
 * "can't resolve dependencies" error, instead of booking placements that
 * silently lack check-ins or emails.
 */

/** A placement as the effects of booking see it (a `PlacementEntity` satisfies it). */
export interface PlacementFacts {
  id: string;
  requestId: string;
  pmId: string;
  teamId: string;
  startDate: string;
  endDate: string;
  durationWeeks: number;
  sequence: number;
  cancelledReason: string | null;
}

/** A rotation request as the notices about it see it (a `RotationRequestEntity` satisfies it). */
export interface RequestFacts {
  id: string;
  pmId: string;
  teamId: string;
  startDate: string;
  endDate: string;
  durationWeeks: number;
  goals: string[];
  motivation: string;
  status: RequestStatus;
  pendingSince: Date;
}

/** Runs inside the booking transaction when a placement is booked, moved or cancelled. */
export interface PlacementEffects {
  /**
   * `bookingWrites`: the booking's own writes (its placement among them; none when the placement is already
   * written), handed over to go in the effects' first statement, which must come before any statement that reads
   * or references the placement. The booker makes them itself if no statement took them.
   */
  booked(
    m: EntityManager,
    placement: PlacementFacts,
    request: RequestFacts,
    bookingWrites: readonly SqlWrite[],
  ): Promise<void>;
  rescheduled(
    m: EntityManager,
    placement: PlacementFacts,
    before: { startDate: string; endDate: string },
  ): Promise<void>;
  cancelled(m: EntityManager, placement: PlacementFacts): Promise<void>;
}
export const PLACEMENT_EFFECTS = Symbol('PlacementEffects');

/** A request on a waitlist, as the notices about it see it. */
export interface WaitlistFacts extends RequestFacts {
  offerExpiresAt: Date | null;
}

/**
 * The emails a request's steps send (submitted, released to the host,
 * rejected; put on the waitlist, offered a place, the offer lapsed, the offer
 * accepted), recorded in the same transaction.
 */
export interface RequestNotices {
  submitted(m: EntityManager, request: RequestFacts): Promise<void>;
  released(m: EntityManager, request: RequestFacts): Promise<void>;
  rejected(m: EntityManager, request: RequestFacts): Promise<void>;
  waitlisted(m: EntityManager, request: RequestFacts, position: number): Promise<void>;
  /** To the PM: a place is held for them until `offerExpiresAt`; `offerVersion` tells one offer from the next. */
  offered(m: EntityManager, request: WaitlistFacts, offerVersion: number): Promise<void>;
  /** To the PM: the offer ran out (`'expired'`) or the dates passed while they waited (`'start_passed'`). */
  lapsed(m: EntityManager, request: RequestFacts, why: 'expired' | 'start_passed'): Promise<void>;
  /** To the host team's manager: the PM took the place (the booking email follows as for any booking). */
  offerAccepted(m: EntityManager, request: RequestFacts): Promise<void>;
  /** To the PM: the host, whose team is full on their dates, proposes these instead (same duration). */
  proposed(m: EntityManager, request: RequestFacts, proposal: ProposalFacts): Promise<void>;
  /** To the host team's manager: the PM took the proposed dates (the request has moved to them) or turned them down. */
  proposalAnswered(
    m: EntityManager,
    request: RequestFacts,
    proposal: ProposalFacts,
    answer: 'accepted' | 'declined',
  ): Promise<void>;
}

/** A host's counter-proposal for a request: another start, same duration, made at `proposedAt`. */
export interface ProposalFacts {
  startDate: string;
  endDate: string;
  proposedAt: Date;
}
export const REQUEST_NOTICES = Symbol('RequestNotices');

/** The check-ins of placements, for placement responses. */
export interface PlacementCheckIns {
  checkInsFor(placementIds: string[]): Promise<Map<string, CheckIn[]>>;
}
export const PLACEMENT_CHECK_INS = Symbol('PlacementCheckIns');

/**
 * Told, inside the transaction that did it, that places in these teams may
 * have come free (a placement cancelled or moved away, an offer ended,
 * capacity raised, a team reactivated, a blackout lifted; `'all'` when a
 * global blackout was lifted). The waitlist offers each freed place to the
 * next request in line in that same transaction, so nothing is lost between
 * the change and the offer.
 */
export interface PlacesFreed {
  freed(m: EntityManager, teamIds: string[] | 'all'): Promise<void>;
}
export const PLACES_FREED = Symbol('PlacesFreed');
