import type { UserRole } from '@stint/contracts';

export interface NavItem {
  label: string;
  icon: string;
  link: string;
  roles: UserRole[];
}

/** The side navigation; each entry is shown only to the roles that can use it. */
export const NAV_ITEMS: NavItem[] = [
  { label: 'Home', icon: 'home', link: '/', roles: ['pm', 'manager', 'admin'] },
];

export function navFor(role: UserRole | undefined): NavItem[] {
  return role ? NAV_ITEMS.filter((item) => item.roles.includes(role)) : [];
}
