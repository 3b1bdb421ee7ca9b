import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  awaitingDecisionBy,
  canSee,
  managedCheckIns,
  managedCheckInsSql,
  Parties,
  PLACEMENT_ALIASES,
  PLACEMENT_PAGE_ALIASES,
  REQUEST_ALIASES,
  REQUEST_PAGE_ALIASES,
  visiblePeople,
  visibleRotations,
  visibleRotationsSql,
} from './visibility';

const user = (id: string, role: AuthenticatedUser['role']): AuthenticatedUser => ({
  id,
  role,
  email: `${id}@x`,
  managerId: null,
  timezone: 'UTC',
});
const parties: Parties = { pmId: 'pm-1', lineManagerId: 'lm-1', hostManagerId: 'host-1' };

describe('canSee', () => {
  it('lets the PM see their own, and no other PM', () => {
    expect(canSee(user('pm-1', 'pm'), parties)).toBe(true);
    expect(canSee(user('pm-2', 'pm'), parties)).toBe(false);
  });

  it("lets a manager see their reports' and their teams', not others'", () => {
    expect(canSee(user('lm-1', 'manager'), parties)).toBe(true);
    expect(canSee(user('host-1', 'manager'), parties)).toBe(true);
    expect(canSee(user('other', 'manager'), parties)).toBe(false);
  });

  it('lets an admin see everything', () => {
    expect(canSee(user('anyone', 'admin'), parties)).toBe(true);
  });
});

describe('visibleRotations and visibleRotationsSql: one rule in both parameter styles', () => {
  it('gives a manager their reports and their teams, under the aliases asked for', () => {
    expect(visibleRotations(user('m-1', 'manager'))).toEqual({
      sql:
        '(pm.id = ANY(ARRAY(SELECT vu.id FROM users vu WHERE vu.manager_id = :viewer))' +
        ' OR t.id = ANY(ARRAY(SELECT vt.id FROM teams vt WHERE vt.manager_id = :viewer)))',
      params: { viewer: 'm-1' },
    });
    expect(visibleRotationsSql(user('m-1', 'manager'), 2, { pm: 'u', team: 'tm' })).toBe(
      '(u.id = ANY(ARRAY(SELECT vu.id FROM users vu WHERE vu.manager_id = $2))' +
        ' OR tm.id = ANY(ARRAY(SELECT vt.id FROM teams vt WHERE vt.manager_id = $2)))',
    );
  });

  it("gives a page ordered by date a manager's rotations as ids computed first; other roles' filters are unchanged", () => {
    expect(visibleRotations(user('m-1', 'manager'), PLACEMENT_PAGE_ALIASES).sql).toBe(
      'p.id = ANY(ARRAY(SELECT vr.id FROM placements vr WHERE' +
        ' (vr.pm_id = ANY(ARRAY(SELECT vu.id FROM users vu WHERE vu.manager_id = :viewer))' +
        ' OR vr.team_id = ANY(ARRAY(SELECT vt.id FROM teams vt WHERE vt.manager_id = :viewer)))))',
    );
    expect(visibleRotationsSql(user('m-1', 'manager'), 1, REQUEST_PAGE_ALIASES)).toBe(
      'r.id = ANY(ARRAY(SELECT vr.id FROM rotation_requests vr WHERE' +
        ' (vr.pm_id = ANY(ARRAY(SELECT vu.id FROM users vu WHERE vu.manager_id = $1))' +
        ' OR vr.team_id = ANY(ARRAY(SELECT vt.id FROM teams vt WHERE vt.manager_id = $1)))))',
    );
    expect(visibleRotations(user('pm-1', 'pm'), PLACEMENT_PAGE_ALIASES)).toEqual(
      visibleRotations(user('pm-1', 'pm'), PLACEMENT_ALIASES),
    );
    expect(visibleRotations(user('a', 'admin'), REQUEST_PAGE_ALIASES).sql).toBe('TRUE');
  });

  it("names a manager's check-ins by placement id too, and nobody else's", () => {
    expect(managedCheckInsSql(user('m-1', 'manager'), 1, 'ko')).toBe(
      ' AND ko.placement_id = ANY(ARRAY(SELECT vp.id FROM placements vp WHERE' +
        ' (vp.pm_id = ANY(ARRAY(SELECT vu.id FROM users vu WHERE vu.manager_id = $1))' +
        ' OR vp.team_id = ANY(ARRAY(SELECT vt.id FROM teams vt WHERE vt.manager_id = $1)))))',
    );
    expect(managedCheckInsSql(user('a', 'admin'), 1)).toBe('');
    expect(managedCheckInsSql(user('pm-1', 'pm'), 1)).toBe('');
    // The query builder's form: the same set, with a named parameter.
    expect(managedCheckIns(user('m-1', 'manager'), 'c', 'who')).toEqual({
      sql:
        'c.placement_id = ANY(ARRAY(SELECT vp.id FROM placements vp WHERE' +
        ' (vp.pm_id = ANY(ARRAY(SELECT vu.id FROM users vu WHERE vu.manager_id = :who))' +
        ' OR vp.team_id = ANY(ARRAY(SELECT vt.id FROM teams vt WHERE vt.manager_id = :who)))))',
      params: { who: 'm-1' },
    });
    expect(managedCheckIns(user('a', 'admin'))).toEqual({ sql: 'TRUE', params: {} });
  });

  it("with the rotation row's alias, filters on its own pm_id and team_id (which its indexes serve)", () => {
    expect(visibleRotationsSql(user('m-1', 'manager'), 1, PLACEMENT_ALIASES)).toBe(
      '(p.pm_id = ANY(ARRAY(SELECT vu.id FROM users vu WHERE vu.manager_id = $1))' +
        ' OR p.team_id = ANY(ARRAY(SELECT vt.id FROM teams vt WHERE vt.manager_id = $1)))',
    );
    expect(visibleRotations(user('pm-1', 'pm'), REQUEST_ALIASES).sql).toBe('r.pm_id = :viewer');
  });

  it('gives a PM only their own', () => {
    expect(visibleRotations(user('pm-1', 'pm'), { pm: 'p', team: 't' }, 'me')).toEqual({
      sql: 'p.id = :me',
      params: { me: 'pm-1' },
    });
    expect(visibleRotationsSql(user('pm-1', 'pm'), 1)).toBe('pm.id = $1');
  });

  it('gives an admin everything, still referencing the positional parameter', () => {
    expect(visibleRotations(user('a', 'admin'))).toEqual({ sql: 'TRUE', params: {} });
    expect(visibleRotationsSql(user('a', 'admin'), 3)).toBe('$3::uuid IS NOT NULL');
  });

  it('names the step a manager decides', () => {
    expect(awaitingDecisionBy(':me', { pm: 'pm', team: 't', request: 'r' })).toBe(
      "((r.status = 'pending_manager' AND pm.manager_id = :me) OR (r.status = 'pending_host' AND t.manager_id = :me))",
    );
  });
});

describe('visiblePeople', () => {
  it('gives a manager themselves and their reports, a PM themselves, an admin everyone', () => {
    expect(visiblePeople(user('m-1', 'manager')).sql).toBe('(u.id = :viewer OR u.manager_id = :viewer)');
    expect(visiblePeople(user('pm-1', 'pm'), 'x', 'me')).toEqual({ sql: 'x.id = :me', params: { me: 'pm-1' } });
    expect(visiblePeople(user('a', 'admin'))).toEqual({ sql: 'TRUE', params: {} });
  });
});
