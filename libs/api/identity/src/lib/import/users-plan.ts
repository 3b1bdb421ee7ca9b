import { keepsReportsOrTeams, LAST_ADMIN_MESSAGE, notAManager, OWN_MANAGER_MESSAGE } from '@stint/api-auth';
import type { ImportRowError, UserRole } from '@stint/contracts';
import { managerCycles } from './manager-cycles';
import type { UserRow } from './user-rows';

/** A user as Stint has them before the import (`email` in lower case). */
export interface ExistingUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  managerId: string | null;
  timezone: string;
  locale: string | null;
  active: boolean;
}

/** A user as the import leaves them. */
export interface PlannedUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  managerId: string | null;
  timezone: string;
  locale: string | null;
  /** A role change ends the user's sessions, as PATCH /api/users/:id does. */
  roleChanged: boolean;
}

export interface UsersPlan {
  errors: ImportRowError[];
  creates: PlannedUser[];
  updates: PlannedUser[];
  unchanged: number;
}

export interface UsersPlanInput {
  rows: UserRow[];
  /** Emails of rows refused on their own (by line), to explain why a line manager named by email is missing. */
  refused: ReadonlyMap<string, number>;
  existing: ExistingUser[];
  /** How many teams each user manages, by user id. */
  teamsManaged: ReadonlyMap<string, number>;
  newId: () => string;
}

type Final = ExistingUser & { row?: UserRow };

/** "a → b → c → a", shortened for long loops. */
function loopText(people: Final[]): string {
  const names = people.map((p) => p.email);
  const shown = names.length > 6 ? [...names.slice(0, 5), '…'] : names;
  return [...shown, names[0]].join(' → ');
}

/**
 * What a users file does to Stint's users, judged as a whole: the state after
 * the import is every valid row applied to the users there are, and each rule
 * of the users service holds in that state (a pm has a line manager, a line
 * manager is a manager or admin, whoever keeps reports or teams keeps a role
 * that may have them, one active admin remains), plus one more: nobody is
 * their own line manager, however many steps round. Line managers may be
 * named before or after their reports in the file. Pure: the service reads
 * the existing users and writes the plan.
 */
export function planUsers(input: UsersPlanInput): UsersPlan {
  const { rows, existing } = input;
  const errors: ImportRowError[] = [];
  const fail = (row: UserRow, field: string, message: string) => errors.push({ line: row.line, field, message });
  const existingByEmail = new Map(existing.map((u) => [u.email.toLowerCase(), u]));
  const final = new Map<string, Final>(existing.map((u) => [u.id, { ...u }]));
  const idByEmail = new Map<string, string>();

  for (const row of rows) {
    const before = existingByEmail.get(row.email);
    const id = before?.id ?? input.newId();
    idByEmail.set(row.email, id);
    final.set(id, {
      id,
      email: row.email,
      name: row.name,
      role: row.role,
      managerId: before?.managerId ?? null,
      timezone: row.timezone ?? before?.timezone ?? 'UTC',
      locale: row.locale !== undefined ? row.locale : (before?.locale ?? null),
      active: before?.active ?? true,
      row,
    });
  }

  // Line managers by email, in the file (before or after the row) or among the users there are.
  const managerTrouble = new Set<number>();
  for (const row of rows) {
    const me = final.get(idByEmail.get(row.email) ?? '') as Final;
    if (row.managerEmail === undefined) continue;
    if (row.managerEmail === null) {
      me.managerId = null;
      continue;
    }
    const managerId = idByEmail.get(row.managerEmail) ?? existingByEmail.get(row.managerEmail)?.id;
    const refusedOn = input.refused.get(row.managerEmail);
    let problem: string | null = null;
    if (row.managerEmail === row.email) problem = OWN_MANAGER_MESSAGE;
    else if (!managerId)
      problem = refusedOn
        ? `${row.managerEmail} is on line ${refusedOn}, which has errors of its own`
        : `no user with email ${row.managerEmail}, neither in the file nor in Stint`;
    if (problem) {
      fail(row, 'managerEmail', problem);
      managerTrouble.add(row.line);
    } else me.managerId = managerId ?? null;
  }

  const reports = new Map<string, number>();
  for (const person of final.values())
    if (person.managerId) reports.set(person.managerId, (reports.get(person.managerId) ?? 0) + 1);

  for (const row of rows) {
    const me = final.get(idByEmail.get(row.email) ?? '') as Final;
    const before = existingByEmail.get(row.email);
    if (!managerTrouble.has(row.line)) {
      const manager = me.managerId ? final.get(me.managerId) : undefined;
      const problem = manager
        ? notAManager(manager)
        : me.role === 'pm'
          ? 'a pm needs managerEmail: the email of their line manager'
          : null;
      if (problem) fail(row, 'managerEmail', problem);
    }
    if (before) {
      const problem = keepsReportsOrTeams(
        before.role,
        me.role,
        reports.get(me.id) ?? 0,
        input.teamsManaged.get(me.id) ?? 0,
      );
      if (problem) fail(row, 'role', problem);
    }
  }

  const activeAdmins = (people: Iterable<ExistingUser>) =>
    [...people].filter((u) => u.role === 'admin' && u.active).length;
  if (activeAdmins(existing) > 0 && activeAdmins(final.values()) === 0) {
    for (const row of rows) {
      const before = existingByEmail.get(row.email);
      if (before?.role === 'admin' && before.active) fail(row, 'role', LAST_ADMIN_MESSAGE);
    }
  }

  const managerOf = new Map([...final.values()].map((p) => [p.id, p.managerId]));
  for (const loop of managerCycles(managerOf)) {
    const people = loop.map((id) => final.get(id) as Final);
    const message = `line managers go round in a loop: ${loopText(people)}`;
    for (const person of people) if (person.row) fail(person.row, 'managerEmail', message);
  }

  return { errors, ...classify(rows, final, idByEmail, existingByEmail, errors) };
}

function classify(
  rows: UserRow[],
  final: Map<string, Final>,
  idByEmail: Map<string, string>,
  existingByEmail: Map<string, ExistingUser>,
  errors: ImportRowError[],
): Omit<UsersPlan, 'errors'> {
  const failed = new Set(errors.map((e) => e.line));
  const creates: PlannedUser[] = [];
  const updates: PlannedUser[] = [];
  let unchanged = 0;
  for (const row of rows) {
    if (failed.has(row.line)) continue;
    const me = final.get(idByEmail.get(row.email) ?? '') as Final;
    const before = existingByEmail.get(row.email);
    const planned: PlannedUser = {
      id: me.id,
      email: me.email,
      name: me.name,
      role: me.role,
      managerId: me.managerId,
      timezone: me.timezone,
      locale: me.locale,
      roleChanged: before !== undefined && before.role !== me.role,
    };
    if (!before) creates.push(planned);
    else if (
      before.name !== me.name ||
      before.role !== me.role ||
      before.managerId !== me.managerId ||
      before.timezone !== me.timezone ||
      before.locale !== me.locale
    )
      updates.push(planned);
    else unchanged++;
  }
  return { creates, updates, unchanged };
}
