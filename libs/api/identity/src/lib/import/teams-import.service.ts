import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@stint/api-audit';
import { AuthenticatedUser, Clock, PLACES_FREED, PlacesFreed, TransactionRunner } from '@stint/api-core';
import type { ImportReport, ImportRowError } from '@stint/contracts';
import { peakLoad } from '@stint/scheduling';
import { todayIn } from '@stint/shared-dates';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { readCsv } from './csv';
import { importFailed, importReport } from './rows';
import { readTeamRows, TEAM_COLUMNS, TeamRow } from './team-rows';
import {
  allTeams,
  bookingsByTeam,
  insertTeams,
  lockTeamsForImport,
  updateTeams,
  usersByEmail,
} from './teams-import.queries';
import { PlannedTeam, planTeams, refuseUpdates, TeamsPlan } from './teams-plan';

/**
 * POST /api/import/teams: creates and updates teams from a CSV file, all in
 * one transaction or not at all; a dry run judges the same and writes nothing.
 * As PATCH /api/teams/:id: a capacity may not drop below what is booked, and
 * a raised capacity offers its new places to the team's waitlist at once.
 */
@Injectable()
export class TeamsImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(PLACES_FREED) private readonly places: PlacesFreed,
  ) {}

  async run(caller: AuthenticatedUser, csv: string, dryRun: boolean): Promise<ImportReport> {
    const { rows, errors } = await readTeamRows(readCsv(csv, TEAM_COLUMNS));
    if (dryRun) return importReport(true, await this.plan(this.db.manager, rows), errors);
    return this.tx.run(async (m) => {
      await lockTeamsForImport(m);
      const plan = await this.plan(m, rows);
      const report = importReport(false, plan, errors);
      if (report.errors.length) throw importFailed(report);
      await insertTeams(m, plan.creates);
      await updateTeams(m, plan.updates);
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'import.teams',
        entityType: 'import',
        entityId: randomUUID(),
        after: { rows: rows.length, created: report.created, updated: report.updated, unchanged: report.unchanged },
      });
      const raised = plan.updates.filter((t) => t.before && t.capacity > t.before.capacity).map((t) => t.id);
      if (raised.length) await this.places.freed(m, raised);
      return report;
    });
  }

  private async plan(m: EntityManager, rows: TeamRow[]): Promise<TeamsPlan> {
    const managers = await usersByEmail(
      m,
      rows.map((r) => r.managerEmail),
    );
    const plan = planTeams(rows, await allTeams(m), managers, randomUUID);
    const lowered = plan.updates.filter((t) => t.before && t.capacity < t.before.capacity);
    if (!lowered.length) return plan;
    return refuseUpdates(plan, await this.capacityProblems(m, lowered));
  }

  /** Lowered capacities below the most placements and offers on any day from the team's today on, by line. */
  private async capacityProblems(m: EntityManager, lowered: PlannedTeam[]) {
    const now = this.clock.now();
    const today = new Map(lowered.map((t) => [t.id, todayIn(t.before?.timezone ?? 'UTC', now)]));
    const from = [...today.values()].sort()[0] ?? todayIn('UTC', now);
    const bookings = await bookingsByTeam(
      m,
      lowered.map((t) => t.id),
      from,
    );
    const problems = new Map<number, Omit<ImportRowError, 'line'>>();
    for (const team of lowered) {
      const day = today.get(team.id) ?? from;
      const ranges = (bookings.get(team.id) ?? []).filter((r) => r.endDate >= day);
      const last = ranges.reduce((max, r) => (r.endDate > max ? r.endDate : max), day);
      const peak = ranges.length ? peakLoad(ranges, day, last) : 0;
      if (peak > team.capacity)
        problems.set(team.line, {
          field: 'capacity',
          message: `Capacity cannot drop to ${team.capacity}: ${peak} placements and waitlist offers already share a day from ${day} on. Reschedule or cancel some first, or wait until the offers are answered.`,
        });
    }
    return problems;
  }
}
