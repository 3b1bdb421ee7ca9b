import { Injectable } from '@nestjs/common';
import { ApiError, Clock } from '@stint/api-core';
import type { SlotSuggestion } from '@stint/contracts';
import { checkBooking, type BookingFacts, type Policy, type RuleViolation } from '@stint/scheduling';
import { endDateFor, isIsoDate } from '@stint/shared-dates';
import type { EntityManager } from 'typeorm';
import { SlotsService } from '../slots/slots.service';
import {
  loadBookingFacts,
  loadTeam,
  lockForBooking,
  type ReadAheadRanges,
  type TeamRow,
} from './booking-facts.queries';
import { capacityFullWithSuggestions, ruleError } from './rule-errors';

/** A booking to judge: this PM, from this start, for this many weeks. */
export interface Candidate {
  pmId: string;
  startDate: string;
  durationWeeks: number;
  /**
   * The start was chosen earlier and is only being confirmed (approving,
   * waitlisting, a waitlist offer): the business-day and lead-time rules,
   * which judged it when it was chosen, are left out.
   */
  confirming?: boolean;
}

/** The request or placement being judged or moved, left out of the PM's and the team's busy days. */
export interface Exclusions {
  excludeRequestId?: string;
  excludePlacementId?: string;
}

/** Where a booking was aimed, so the next free slots can be offered when the team was full. */
export interface BookingTarget extends Candidate {
  teamId: string;
  exclude: Exclusions;
}

export interface Judgement {
  facts: BookingFacts;
  endDate: string;
  /** Every rule the candidate breaks, in checkBooking's order; empty when it may be booked. */
  violations: RuleViolation[];
}

/**
 * The booking rules as every booking path applies them: requesting, editing,
 * approving, rescheduling, and the rule check shown to approvers. One place
 * loads the facts and calls `checkBooking`, so no two paths can disagree.
 */
@Injectable()
export class BookingRules {
  constructor(
    private readonly clock: Clock,
    private readonly slots: SlotsService,
  ) {}

  /** The team, or 404; with `lock`, its row lock, which serialises every booking into that team. */
  async requireTeam(m: EntityManager, teamId: string, lock = false): Promise<TeamRow> {
    const team = await loadTeam(m, teamId, lock);
    if (!team) throw ApiError.notFound('team', teamId);
    return team;
  }

  /**
   * The team (or 404) under its row lock, the PM's lock and the policy, in one round trip (`lockForBooking`):
   * what every booking into a team takes before it reads the bookings it is judged against.
   */
  async lockForBooking(m: EntityManager, teamId: string, pmId: string): Promise<{ team: TeamRow; policy: Policy }> {
    const locked = await lockForBooking(m, teamId, pmId);
    if (!locked) throw ApiError.notFound('team', teamId);
    return locked;
  }

  /**
   * Loads what the rules need for the candidate and judges it. A `policy`
   * the caller read before taking the team lock is used as it is (the lock
   * does not guard the policy), which leaves one read fewer under the lock;
   * so do ranges read ahead under it for this very candidate.
   */
  async judge(
    m: EntityManager,
    team: TeamRow,
    candidate: Candidate,
    exclude: Exclusions = {},
    policy?: Policy,
    readAhead?: ReadAheadRanges | null,
  ): Promise<Judgement> {
    const { pmId, startDate, durationWeeks, confirming } = candidate;
    if (!isIsoDate(startDate)) throw ApiError.validation({ startDate: 'startDate must be a date like 2027-01-04' });
    const endDate = endDateFor(startDate, durationWeeks);
    const scope = { from: startDate, to: endDate, pmId, ...exclude };
    const facts = await loadBookingFacts(m, team, scope, this.clock.now(), policy, readAhead);
    return { facts, endDate, violations: checkBooking(facts, { startDate, durationWeeks, confirming }) };
  }

  /** Throws the first broken rule as the contract's error (every broken rule in details.violations). */
  async assert(m: EntityManager, team: TeamRow, candidate: Candidate, exclude: Exclusions = {}): Promise<void> {
    const { violations } = await this.judge(m, team, candidate, exclude);
    if (violations.length) throw ruleError(violations);
  }

  /** The next free slots in the target's team for its PM and duration (up to 3, within a year). */
  suggestionsFor(target: BookingTarget): Promise<SlotSuggestion[]> {
    return this.slots.suggestFor(target.teamId, target.pmId, target.startDate, target.durationWeeks, target.exclude);
  }

  /**
   * The error to answer once a booking transaction has rolled back: a
   * CAPACITY_FULL gets the next free slots (computed now, outside the team
   * lock) and `next` appended to its message; anything else is unchanged.
   */
  async withSuggestions(error: unknown, target: BookingTarget | undefined, next: string): Promise<unknown> {
    if (!(error instanceof ApiError) || error.code !== 'CAPACITY_FULL' || !target) return error;
    return capacityFullWithSuggestions(error, next, await this.suggestionsFor(target));
  }
}
