import type { AuthenticatedUser } from '@stint/api-core';
import { canSee, Parties } from './visibility';

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
