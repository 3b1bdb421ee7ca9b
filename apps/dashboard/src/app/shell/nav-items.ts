import type { UserRole } from '@stint/contracts';

export interface NavItem {
  label: string;
  icon: string;
  link: string;
  roles: UserRole[];
  /** A count shown beside the entry: approvals waiting for the caller, or overdue check-ins. */
  badge?: 'approvals' | 'overdue';
}

const MANAGERS: UserRole[] = ['manager', 'admin'];

/** The side navigation; each entry is shown only to the roles that can use it. */
export const NAV_ITEMS: NavItem[] = [
  { label: 'Home', icon: 'home', link: '/', roles: ['pm', 'manager', 'admin'] },
  { label: 'Plan a rotation', icon: 'event_available', link: '/plan', roles: ['pm', 'manager', 'admin'] },
  { label: 'My rotations', icon: 'work_history', link: '/my-rotations', roles: ['pm'], badge: 'overdue' },
  { label: 'Approvals', icon: 'fact_check', link: '/approvals', roles: MANAGERS, badge: 'approvals' },
  { label: 'Waitlist', icon: 'hourglass_empty', link: '/waitlist', roles: MANAGERS },
  { label: 'Timeline', icon: 'view_timeline', link: '/timeline', roles: MANAGERS },
  { label: 'Capacity', icon: 'grid_on', link: '/capacity', roles: MANAGERS },
  { label: 'Check-ins', icon: 'checklist', link: '/check-ins', roles: MANAGERS, badge: 'overdue' },
  { label: 'Insights', icon: 'insights', link: '/insights', roles: MANAGERS },
  { label: 'Users', icon: 'group', link: '/admin/users', roles: ['admin'] },
  { label: 'Teams', icon: 'groups', link: '/admin/teams', roles: ['admin'] },
  { label: 'Import', icon: 'upload_file', link: '/admin/import', roles: ['admin'] },
  { label: 'Blackouts', icon: 'event_busy', link: '/admin/blackouts', roles: ['admin'] },
  { label: 'Policy', icon: 'tune', link: '/admin/policy', roles: ['admin'] },
  { label: 'Email log', icon: 'mail', link: '/admin/emails', roles: ['admin'] },
  { label: 'Queues', icon: 'dns', link: '/admin/queues', roles: ['admin'] },
  { label: 'Audit trail', icon: 'history', link: '/admin/audit', roles: ['admin'] },
];

export function navFor(role: UserRole | undefined): NavItem[] {
  return role ? NAV_ITEMS.filter((item) => item.roles.includes(role)) : [];
}
