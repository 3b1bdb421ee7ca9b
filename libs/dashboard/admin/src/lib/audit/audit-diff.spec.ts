import { auditChanges } from './audit-diff';

describe('auditChanges', () => {
  it('lists only the fields an update changed', () => {
    expect(
      auditChanges({ capacity: 2, name: 'NA SMB', active: true }, { capacity: 4, name: 'NA SMB', active: false }),
    ).toEqual([
      { field: 'capacity', before: '2', after: '4' },
      { field: 'active', before: 'true', after: 'false' },
    ]);
  });

  it('lists every field of a creation or a deletion', () => {
    expect(auditChanges(null, { reason: 'Kick-off', teamId: null })).toEqual([
      { field: 'reason', before: '—', after: 'Kick-off' },
      { field: 'teamId', before: '—', after: 'none' },
    ]);
    expect(auditChanges({ reason: '' }, undefined)).toEqual([{ field: 'reason', before: '""', after: '—' }]);
  });

  it('compares nested values as a whole', () => {
    expect(auditChanges({ ratings: { closing: 2 } }, { ratings: { closing: 3 } })).toEqual([
      { field: 'ratings', before: '{"closing":2}', after: '{"closing":3}' },
    ]);
  });

  it('copes with plain values and nothing at all', () => {
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges('pending_host', 'booked')).toEqual([
      { field: 'value', before: 'pending_host', after: 'booked' },
    ]);
  });
});
