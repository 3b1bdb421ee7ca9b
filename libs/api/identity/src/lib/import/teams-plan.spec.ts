import type { TeamRow } from './team-rows';
import { ExistingTeam, planTeams, refuseUpdates, TeamManager } from './teams-plan';

const manager = (email: string, role: TeamManager['role'], active = true): [string, TeamManager] => [
  email,
  { id: `id-${email}`, email, name: email.split('@')[0] ?? email, role, active },
];
const managers = new Map([
  manager('ana@x.io', 'manager'),
  manager('pat@x.io', 'pm'),
  manager('old@x.io', 'admin', false),
]);
const emea: ExistingTeam = {
  id: 'team-emea',
  name: 'EMEA Enterprise',
  managerId: 'id-ana@x.io',
  capacity: 2,
  region: 'EMEA',
  segment: '',
  timezone: 'Europe/Berlin',
  holidayCountry: 'DE',
};
const row = (
  line: number,
  name: string,
  managerEmail: string,
  capacity: number,
  extra: Partial<TeamRow> = {},
): TeamRow => ({
  line,
  name,
  managerEmail,
  capacity,
  region: undefined,
  segment: undefined,
  timezone: undefined,
  holidayCountry: undefined,
  ...extra,
});

describe('planTeams', () => {
  it('matches teams by name in any case and keeps what the file leaves out; new names are new teams', () => {
    const same = planTeams([row(2, 'emea enterprise', 'ana@x.io', 2)], [emea], managers, () => 'new-id');
    expect(same).toEqual({ errors: [], creates: [], updates: [], unchanged: 1 });
    const plan = planTeams(
      [
        row(2, 'EMEA ENTERPRISE', 'ana@x.io', 3, { segment: 'Enterprise' }),
        row(3, 'NA', 'ana@x.io', 1, { holidayCountry: null }),
      ],
      [emea],
      managers,
      () => 'new-id',
    );
    expect(plan.updates).toEqual([
      { ...emea, line: 2, before: emea, capacity: 3, segment: 'Enterprise' }, // the name keeps its spelling
    ]);
    expect(plan.creates).toEqual([
      expect.objectContaining({
        id: 'new-id',
        name: 'NA',
        region: '',
        timezone: 'UTC',
        holidayCountry: null,
        before: null,
      }),
    ]);
  });

  it('refuses a manager who is unknown, a pm or deactivated; refused updates drop out with their reason', () => {
    const plan = planTeams(
      [
        row(2, 'A', 'who@x.io', 1),
        row(3, 'B', 'pat@x.io', 1),
        row(4, 'C', 'old@x.io', 1),
        row(5, 'EMEA Enterprise', 'ana@x.io', 1),
      ],
      [emea],
      managers,
      () => 'new-id',
    );
    expect(plan.errors).toEqual([
      { line: 2, field: 'managerEmail', message: 'no user with email who@x.io' },
      { line: 3, field: 'managerEmail', message: 'pat is a pm, not a manager' },
      { line: 4, field: 'managerEmail', message: 'old is deactivated' },
    ]);
    expect(plan.updates).toEqual([
      expect.objectContaining({ id: 'team-emea', capacity: 1, region: 'EMEA', holidayCountry: 'DE' }),
    ]);
    const refused = refuseUpdates(plan, new Map([[5, { field: 'capacity', message: 'too many booked' }]]));
    expect(refused.updates).toEqual([]);
    expect(refused.errors).toContainEqual({ line: 5, field: 'capacity', message: 'too many booked' });
  });
});
