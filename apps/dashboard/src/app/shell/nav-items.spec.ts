import { NAV_ITEMS, navFor } from './nav-items';

describe('navFor', () => {
  it('shows nothing to a signed-out visitor', () => {
    expect(navFor(undefined)).toEqual([]);
  });

  it('shows each role only the entries meant for it', () => {
    for (const role of ['pm', 'manager', 'admin'] as const) {
      const labels = navFor(role).map((item) => item.label);
      const expected = NAV_ITEMS.filter((item) => item.roles.includes(role)).map((item) => item.label);
      expect(labels).toEqual(expected);
      expect(labels).toContain('Home');
    }
  });
});
