import type { ImportRowError } from '@stint/contracts';
import type { UserRow } from './user-rows';
import { ExistingUser, planUsers, UsersPlanInput } from './users-plan';

let ids = 0;
const existing = (email: string, role: ExistingUser['role'], managerId: string | null = null): ExistingUser => ({
  id: `id-${email}`,
  email,
  name: email.split('@')[0] ?? email,
  role,
  managerId,
  timezone: 'UTC',
  locale: null,
  active: true,
});
const row = (line: number, email: string, role: UserRow['role'], managerEmail?: string | null): UserRow => ({
  line,
  email,
  name: email.split('@')[0] ?? email,
  role,
  managerEmail,
  timezone: undefined,
  locale: undefined,
});
const sorted = (errors: ImportRowError[]) =>
  [...errors].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
const plan = (input: Partial<UsersPlanInput>) =>
  planUsers({
    rows: [],
    refused: new Map(),
    existing: [],
    teamsManaged: new Map(),
    newId: () => `new-${++ids}`,
    ...input,
  });

describe('planUsers', () => {
  const admin = existing('admin@x.io', 'admin');
  const boss = existing('boss@x.io', 'manager');

  it('resolves line managers named further down the file, and counts creates, updates and unchanged rows', () => {
    const result = plan({
      existing: [admin, boss, existing('kept@x.io', 'pm', boss.id)],
      rows: [
        row(2, 'kim@x.io', 'pm', 'ana@x.io'),
        row(3, 'ana@x.io', 'manager', 'boss@x.io'),
        row(4, 'kept@x.io', 'pm'),
        row(5, 'boss@x.io', 'admin'),
      ],
    });
    expect(result.errors).toEqual([]);
    const ana = result.creates.find((u) => u.email === 'ana@x.io');
    expect(result.creates.find((u) => u.email === 'kim@x.io')).toMatchObject({
      managerId: ana?.id,
      timezone: 'UTC',
      locale: null,
    });
    expect(ana?.managerId).toBe(boss.id);
    // kept@: no managerEmail column, so the line manager stays; boss@ becomes an admin (a role change).
    expect(result.unchanged).toBe(1);
    expect(result.updates).toEqual([expect.objectContaining({ email: 'boss@x.io', role: 'admin', roleChanged: true })]);
  });

  it('refuses unknown and refused line managers, oneself, a pm without one, and a pm as one', () => {
    const pm = existing('pm@x.io', 'pm', boss.id);
    const result = plan({
      existing: [admin, boss, pm],
      refused: new Map([['bad@x.io', 9]]),
      rows: [
        row(2, 'a@x.io', 'pm', 'ghost@x.io'),
        row(3, 'b@x.io', 'pm', 'bad@x.io'),
        row(4, 'c@x.io', 'manager', 'c@x.io'),
        row(5, 'd@x.io', 'pm', null),
        row(6, 'e@x.io', 'pm', 'pm@x.io'),
        row(7, 'f@x.io', 'pm', 'g@x.io'),
        row(8, 'g@x.io', 'pm', 'boss@x.io'),
      ],
    });
    expect(result.errors).toEqual([
      { line: 2, field: 'managerEmail', message: 'no user with email ghost@x.io, neither in the file nor in Stint' },
      { line: 3, field: 'managerEmail', message: 'bad@x.io is on line 9, which has errors of its own' },
      { line: 4, field: 'managerEmail', message: 'a user cannot be their own line manager' },
      { line: 5, field: 'managerEmail', message: 'a pm needs managerEmail: the email of their line manager' },
      { line: 6, field: 'managerEmail', message: 'pm is a pm, not a manager' },
      { line: 7, field: 'managerEmail', message: 'g is a pm, not a manager' },
    ]);
    expect(result.creates.map((u) => u.email)).toEqual(['g@x.io']);
  });

  it('keeps reports and teams with managers, and one active admin, judging the state after the whole file', () => {
    const report = existing('r@x.io', 'pm', boss.id);
    const teamHost = existing('host@x.io', 'manager');
    const refused = plan({
      existing: [admin, boss, report, teamHost],
      teamsManaged: new Map([[teamHost.id, 1]]),
      rows: [
        row(2, 'boss@x.io', 'pm', 'admin@x.io'),
        row(3, 'host@x.io', 'pm', 'admin@x.io'),
        row(4, 'admin@x.io', 'manager'),
      ],
    });
    expect(sorted(refused.errors)).toEqual([
      {
        line: 2,
        field: 'role',
        message: 'This manager still has reports or teams; move them to another manager first.',
      },
      {
        line: 3,
        field: 'role',
        message: 'This manager still has reports or teams; move them to another manager first.',
      },
      { line: 4, field: 'role', message: 'Stint needs at least one active admin: make someone else an admin first.' },
    ]);
    // Moving the report away in the same file lets the manager become a pm.
    const moved = plan({
      existing: [admin, boss, report],
      rows: [row(2, 'boss@x.io', 'pm', 'admin@x.io'), row(3, 'r@x.io', 'pm', 'admin@x.io')],
    });
    expect(moved.errors).toEqual([]);
    expect(moved.updates.map((u) => u.email)).toEqual(['boss@x.io', 'r@x.io']);
  });

  it('refuses every line of a loop of line managers, in the file or through the users there are', () => {
    const y1 = existing('y1@x.io', 'manager', 'id-y2@x.io');
    const y2 = existing('y2@x.io', 'manager');
    const result = plan({
      existing: [admin, y1, y2],
      rows: [
        row(2, 'a@x.io', 'manager', 'b@x.io'),
        row(3, 'b@x.io', 'manager', 'a@x.io'),
        row(4, 'y2@x.io', 'manager', 'y1@x.io'),
        row(5, 'c@x.io', 'pm', 'a@x.io'),
      ],
    });
    expect(sorted(result.errors)).toEqual([
      { line: 2, field: 'managerEmail', message: 'line managers go round in a loop: a@x.io → b@x.io → a@x.io' },
      { line: 3, field: 'managerEmail', message: 'line managers go round in a loop: a@x.io → b@x.io → a@x.io' },
      { line: 4, field: 'managerEmail', message: 'line managers go round in a loop: y1@x.io → y2@x.io → y1@x.io' },
    ]);
    expect(result.creates.map((u) => u.email)).toEqual(['c@x.io']);
  });
});
