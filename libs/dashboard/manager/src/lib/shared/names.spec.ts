import type { User } from '@stint/contracts';
import { personName, rememberNames } from './names';

describe('personName', () => {
  const users = new Map<string, User>([
    ['u1', { id: 'u1', email: 'a@b.c', name: 'Ann Report', role: 'pm', managerId: 'm', timezone: 'UTC', active: true }],
  ]);

  it('uses the user list first, then names learned from requests and placements, then a short id', () => {
    expect(personName(users, 'u1')).toBe('Ann Report');
    expect(personName(users, 'abcdef12-0000-4000-8000-000000000000')).toBe('PM abcdef12');
    rememberNames({
      items: [{ pmId: 'abcdef12-0000-4000-8000-000000000000', pmName: 'Hosted Person' }],
      total: 1,
      page: 1,
      pageSize: 50,
    });
    expect(personName(users, 'abcdef12-0000-4000-8000-000000000000')).toBe('Hosted Person');
  });

  it('learns who decided a request from its approvals, so a host manager sees the line manager by name', () => {
    const lineManager = 'e58ef965-0000-4000-8000-000000000000';
    expect(personName(users, lineManager, 'Manager')).toBe('Manager e58ef965');
    rememberNames({
      pmId: 'u1',
      pmName: 'Ann Report',
      approvals: [{ step: 'manager', decision: 'approved', byId: lineManager, byName: 'Maria Keller' }],
    });
    expect(personName(users, lineManager, 'Manager')).toBe('Maria Keller');
  });
});
