import type { Approval } from '@stint/contracts';
import { approvalLine } from './approval-trail';

const release: Approval = {
  step: 'manager',
  decision: 'approved',
  byId: 'e58ef965-0000-4000-8000-000000000000',
  byName: 'Maria Keller',
  comment: '',
  at: '2027-01-04T10:00:00.000Z',
};
const unknown = (id: string) => `PM ${id.slice(0, 8)}`;

describe('approvalLine', () => {
  it('names who decided and in which role, with a readable date in the viewer’s zone', () => {
    expect(approvalLine(release, 'UTC', unknown)).toBe(
      'Released by Maria Keller (line manager), Mon 4 Jan 2027, 10:00 UTC',
    );
    expect(approvalLine({ ...release, step: 'host', byName: 'Hugo Brandt' }, 'Europe/Berlin', unknown)).toBe(
      'Approved by Hugo Brandt (host manager), Mon 4 Jan 2027, 11:00 CET',
    );
    expect(approvalLine({ ...release, decision: 'rejected' }, 'UTC', unknown)).toBe(
      'Rejected by Maria Keller (line manager), Mon 4 Jan 2027, 10:00 UTC',
    );
  });

  it('never shows an id or an ISO date', () => {
    const line = approvalLine(release, 'UTC', unknown);
    expect(line).not.toContain('e58ef965');
    expect(line).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('falls back to the viewer’s own lookup for an answer without a name', () => {
    expect(approvalLine({ ...release, byName: '' }, 'UTC', () => 'Maria from the directory')).toBe(
      'Released by Maria from the directory (line manager), Mon 4 Jan 2027, 10:00 UTC',
    );
  });
});
