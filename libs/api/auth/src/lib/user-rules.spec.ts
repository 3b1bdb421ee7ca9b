import { keepsReportsOrTeams, mayHaveReports, notAManager } from './user-rules';

describe('user rules', () => {
  it('only managers and admins may be line managers', () => {
    expect(mayHaveReports('manager') && mayHaveReports('admin') && !mayHaveReports('pm')).toBe(true);
    expect(notAManager({ name: 'Ana', role: 'admin' })).toBeNull();
    expect(notAManager({ name: 'Pat', role: 'pm' })).toBe('Pat is a pm, not a manager');
  });

  it('a manager or admin with reports or teams cannot become a pm; anything else may change', () => {
    expect(keepsReportsOrTeams('manager', 'pm', 1, 0)).toMatch(/^This manager still has reports or teams/);
    expect(keepsReportsOrTeams('admin', 'pm', 0, 2)).toMatch(/^This admin still has reports or teams/);
    expect(keepsReportsOrTeams('manager', 'pm', 0, 0)).toBeNull();
    expect(keepsReportsOrTeams('manager', 'admin', 5, 5)).toBeNull();
    expect(keepsReportsOrTeams('pm', 'pm', 1, 1)).toBeNull();
  });
});
