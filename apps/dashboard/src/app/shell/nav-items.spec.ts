import { navFor } from './nav-items';

const labels = (role: 'pm' | 'manager' | 'admin') => navFor(role).map((item) => item.label);

describe('navFor', () => {
  it('shows nothing to a signed-out visitor', () => {
    expect(navFor(undefined)).toEqual([]);
  });

  it('gives a PM planning and their own rotations, and no manager or admin screens', () => {
    expect(labels('pm')).toEqual(['Home', 'Plan a rotation', 'My rotations']);
  });

  it('gives a manager the programme screens and planning for their reports, but no admin screens', () => {
    expect(labels('manager')).toEqual([
      'Home',
      'Plan a rotation',
      'Approvals',
      'Waitlist',
      'Timeline',
      'Capacity',
      'Check-ins',
      'Insights',
    ]);
  });

  it('gives an admin the manager screens and the admin screens', () => {
    expect(labels('admin')).toEqual(
      expect.arrayContaining([
        'Approvals',
        'Waitlist',
        'Insights',
        'Users',
        'Teams',
        'Import',
        'Blackouts',
        'Policy',
        'Email log',
        'Queues',
        'Audit trail',
      ]),
    );
    expect(labels('admin')).toContain('Plan a rotation');
    expect(labels('admin')).not.toContain('My rotations');
  });
});
