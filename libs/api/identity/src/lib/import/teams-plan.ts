import { notAManager } from '@stint/api-auth';
import type { ImportRowError, UserRole } from '@stint/contracts';
import type { TeamRow } from './team-rows';

/** A team as Stint has it before the import. */
export interface ExistingTeam {
  id: string;
  name: string;
  managerId: string;
  capacity: number;
  region: string;
  segment: string;
  timezone: string;
  holidayCountry: string | null;
}

/** Someone a row names as the team's manager (`email` in lower case). */
export interface TeamManager {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
}

/** A team as the import leaves it; `before` for a team there was. */
export interface PlannedTeam extends Omit<ExistingTeam, 'id'> {
  id: string;
  line: number;
  before: ExistingTeam | null;
}

export interface TeamsPlan {
  errors: ImportRowError[];
  creates: PlannedTeam[];
  updates: PlannedTeam[];
  unchanged: number;
}

/** Why `manager` cannot manage a team, in the words of the teams service, or null when they can. */
function managerProblem(email: string, manager: TeamManager | undefined): string | null {
  if (!manager) return `no user with email ${email}`;
  return notAManager(manager) ?? (manager.active ? null : `${manager.name} is deactivated`);
}

function changed(before: ExistingTeam, after: PlannedTeam): boolean {
  return (
    before.managerId !== after.managerId ||
    before.capacity !== after.capacity ||
    before.region !== after.region ||
    before.segment !== after.segment ||
    before.timezone !== after.timezone ||
    before.holidayCountry !== after.holidayCountry
  );
}

/**
 * What a teams file does to Stint's teams: a row whose name matches a team
 * (case-insensitively, as the unique rule does) updates it, keeping the name
 * as it is; any other row creates one. The manager must be an active manager
 * or admin, as for POST /api/teams. Pure; lowering a capacity below what is
 * already booked is checked by the service, which reads the bookings.
 */
export function planTeams(
  rows: TeamRow[],
  existing: ExistingTeam[],
  managers: ReadonlyMap<string, TeamManager>,
  newId: () => string,
): TeamsPlan {
  const byName = new Map(existing.map((t) => [t.name.toLowerCase(), t]));
  const plan: TeamsPlan = { errors: [], creates: [], updates: [], unchanged: 0 };
  for (const row of rows) {
    const manager = managers.get(row.managerEmail);
    const problem = managerProblem(row.managerEmail, manager);
    if (problem || !manager) {
      plan.errors.push({ line: row.line, field: 'managerEmail', message: problem ?? '' });
      continue;
    }
    const before = byName.get(row.name.toLowerCase()) ?? null;
    const team: PlannedTeam = {
      id: before?.id ?? newId(),
      line: row.line,
      before,
      name: before?.name ?? row.name,
      managerId: manager.id,
      capacity: row.capacity,
      region: row.region ?? before?.region ?? '',
      segment: row.segment ?? before?.segment ?? '',
      timezone: row.timezone ?? before?.timezone ?? 'UTC',
      holidayCountry: row.holidayCountry !== undefined ? row.holidayCountry : (before?.holidayCountry ?? null),
    };
    if (!before) plan.creates.push(team);
    else if (changed(before, team)) plan.updates.push(team);
    else plan.unchanged++;
  }
  return plan;
}

/** The plan without the updates refused afterwards (`refused`: message by line), their errors added. */
export function refuseUpdates(plan: TeamsPlan, refused: ReadonlyMap<number, { field: string; message: string }>) {
  const errors = [...plan.errors];
  for (const [line, e] of refused) errors.push({ line, ...e });
  return { ...plan, errors, updates: plan.updates.filter((t) => !refused.has(t.line)) };
}
