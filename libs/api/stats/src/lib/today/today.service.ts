import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Clock, FiguresCache, HealthService, PreparedJson } from '@stint/api-core';
import type { Today, TodayCheckIn, TodayCheckInPart, TodayTeamLoad } from '@stint/contracts';
import { dailyLoad } from '@stint/scheduling';
import { addDays } from '@stint/shared-dates';
import { StatsRepository } from '../stats.repository';
import { CheckInRow, TodayRepository } from './today.repository';

/** A team counts as near capacity when its busiest day in the window uses this share of its places. */
export const NEAR_CAPACITY_SHARE = 0.8;
/** How far ahead the near-capacity check looks. */
export const NEAR_CAPACITY_DAYS = 56;
const DAY_MS = 86_400_000;

/** What the caller does with a check-in (see TodayCheckInPart). */
export function partOf(
  row: Pick<CheckInRow, 'kind' | 'pm_id' | 'line_manager_id' | 'host_manager_id' | 'assessed'>,
  callerId: string,
): TodayCheckInPart {
  if (row.kind === 'pulse') return row.line_manager_id === callerId ? 'pulse' : 'follow';
  if (row.pm_id === callerId) return 'reflect';
  if (row.kind === 'final' && row.host_manager_id === callerId && !row.assessed) return 'assess';
  return 'follow';
}

/** The busiest day of each team over the window, kept when it reaches NEAR_CAPACITY_SHARE of the places. */
export function nearCapacity(
  teams: Array<{ id: string; name: string; capacity: number }>,
  bookings: Array<{ team_id: string; start_date: string; end_date: string }>,
  from: string,
  to: string,
): TodayTeamLoad[] {
  const byTeam = new Map<string, Array<{ startDate: string; endDate: string }>>();
  for (const b of bookings) {
    const list = byTeam.get(b.team_id) ?? [];
    list.push({ startDate: b.start_date, endDate: b.end_date });
    byTeam.set(b.team_id, list);
  }
  const result: TodayTeamLoad[] = [];
  for (const team of teams) {
    const load = dailyLoad(byTeam.get(team.id) ?? [], from, to);
    let peak = 0;
    let peakAt = 0;
    load.forEach((n, i) => {
      if (n > peak) [peak, peakAt] = [n, i];
    });
    if (team.capacity > 0 && peak >= team.capacity * NEAR_CAPACITY_SHARE) {
      result.push({
        teamId: team.id,
        teamName: team.name,
        capacity: team.capacity,
        peakBooked: peak,
        peakOn: addDays(from, peakAt),
      });
    }
  }
  return result.sort(
    (a, b) => b.peakBooked / b.capacity - a.peakBooked / a.capacity || a.peakOn.localeCompare(b.peakOn),
  );
}

/** A caller's home (GET /api/me/today): what needs them, from a handful of statements run side by side. */
@Injectable()
export class TodayService {
  constructor(
    private readonly today: TodayRepository,
    private readonly stats: StatsRepository,
    private readonly health: HealthService,
    private readonly clock: Clock,
    private readonly figures: FiguresCache,
  ) {}

  async forCaller(caller: AuthenticatedUser): Promise<PreparedJson<Today>> {
    const now = this.clock.now();
    const isAdmin = caller.role === 'admin';
    // What needs the caller (and, for an admin, who lacks a manager) reads only tables the figures cache watches,
    // so it is kept, as JSON, until a write (or the next minute); the admin's failed emails and the worker's
    // heartbeat are read fresh every time and written in front of it.
    const [work, failedEmails, beat] = await Promise.all([
      this.figures.getJson(caller, 'today', async () => this.view(caller, now, await this.work(caller, now))),
      isAdmin ? this.today.failedEmails() : Promise.resolve(null),
      isAdmin ? this.health.workerHeartbeat() : Promise.resolve(null),
    ]);
    const fresh: Pick<Today, 'generatedAt' | 'failedEmails' | 'worker'> = {
      generatedAt: now.toISOString(),
      failedEmails,
      worker: isAdmin ? { status: this.health.workerState(beat), heartbeatAt: beat ? beat.toISOString() : null } : null,
    };
    return PreparedJson.joined<Today>(fresh, work);
  }

  /** The caller's work lists as the API answers them (all of Today but what is read fresh). */
  private view(
    caller: AuthenticatedUser,
    now: Date,
    work: Awaited<ReturnType<TodayService['work']>>,
  ): Omit<Today, 'generatedAt' | 'failedEmails' | 'worker'> {
    const [approvals, proposals, due, overdue, placements, teamsNearCapacity, unmanaged] = work;
    const checkIn = (row: CheckInRow): TodayCheckIn => ({
      checkInId: row.id,
      placementId: row.placement_id,
      kind: row.kind as TodayCheckIn['kind'],
      scheduledAt: new Date(row.scheduled_at).toISOString(),
      pmName: row.pm_name,
      teamName: row.team_name,
      myPart: partOf(row, caller.id),
    });
    const total = (rows: Array<{ total: number }>) => rows[0]?.total ?? 0;
    return {
      approvalsAwaitingMe: approvals.map((r) => ({
        requestId: r.id,
        pmName: r.pm_name,
        teamName: r.team_name,
        startDate: r.start_date,
        endDate: r.end_date,
        durationWeeks: r.duration_weeks,
        stage: r.status,
        pendingSince: new Date(r.pending_since).toISOString(),
        ageDays: Math.max(0, Math.floor((now.getTime() - new Date(r.pending_since).getTime()) / DAY_MS)),
      })),
      proposalsAwaitingMe: proposals.map((r) => ({
        requestId: r.id,
        teamName: r.team_name,
        startDate: r.start_date,
        endDate: r.end_date,
        durationWeeks: r.duration_weeks,
        proposedStartDate: r.proposed_start_date,
        proposedEndDate: r.proposed_end_date,
        proposedByName: r.proposed_by_name,
        proposedAt: new Date(r.proposed_at).toISOString(),
      })),
      checkInsDue: due.map(checkIn),
      overdueCheckIns: overdue.map(checkIn),
      upcomingPlacements: placements.map((p) => ({
        placementId: p.id,
        pmName: p.pm_name,
        teamName: p.team_name,
        startDate: p.start_date,
        endDate: p.end_date,
        event: p.event,
        on: p.on,
      })),
      counts: {
        approvalsAwaitingMe: total(approvals),
        proposalsAwaitingMe: total(proposals),
        checkInsDue: total(due),
        overdueCheckIns: total(overdue),
        upcomingPlacements: total(placements),
      },
      teamsNearCapacity,
      usersWithoutManager: unmanaged?.users_without_manager ?? null,
      teamsWithoutManager: unmanaged?.teams_without_manager ?? null,
    };
  }

  private work(caller: AuthenticatedUser, now: Date) {
    return Promise.all([
      this.today.approvals(caller),
      this.today.proposals(caller),
      this.today.checkIns(caller, now, 'due'),
      this.today.checkIns(caller, now, 'overdue'),
      this.today.upcomingPlacements(caller, now),
      caller.role === 'pm' ? Promise.resolve([]) : this.teamsNearCapacity(caller, now),
      caller.role === 'admin' ? this.today.unmanaged() : Promise.resolve(null),
    ]);
  }

  private async teamsNearCapacity(caller: AuthenticatedUser, now: Date): Promise<TodayTeamLoad[]> {
    const teams = await this.today.managedTeams(caller);
    if (!teams.length) return [];
    const from = now.toISOString().slice(0, 10);
    const to = addDays(from, NEAR_CAPACITY_DAYS - 1);
    const bookings = await this.stats.bookings(
      teams.map((t) => t.id),
      from,
      to,
    );
    return nearCapacity(teams, bookings, from, to);
  }
}
