import { FormControl, FormGroup } from '@angular/forms';
import type { User } from '@stint/contracts';
import { timeZoneValidator } from '@stint/dashboard-ui';
import { lineManagerRule, userBody } from './user-dialog';

const pat: User = {
  id: 'u1',
  email: 'pat@x.io',
  name: 'Pat',
  role: 'pm',
  managerId: 'm1',
  timezone: 'Europe/Berlin',
  active: true,
};
const value = {
  email: 'pat@x.io',
  name: 'Pat',
  role: 'pm' as const,
  password: '',
  managerId: 'm1',
  timezone: 'Europe/Berlin',
};

describe('user form', () => {
  it('creates with every field, UTC when no zone is given', () => {
    expect(userBody(null, { ...value, password: 'long-enough', timezone: ' ' })).toEqual({
      email: 'pat@x.io',
      name: 'Pat',
      role: 'pm',
      managerId: 'm1',
      timezone: 'UTC',
      password: 'long-enough',
    });
  });

  it('edits only what changed, and keeps the password when left empty', () => {
    expect(userBody(pat, value)).toEqual({});
    expect(userBody(pat, { ...value, role: 'manager', managerId: '' })).toEqual({ role: 'manager', managerId: null });
    expect(userBody(pat, { ...value, email: 'PAT@x.io', password: 'new-password' })).toEqual({
      password: 'new-password',
    });
  });

  it('needs a line manager for a PM only', () => {
    const form = new FormGroup(
      { role: new FormControl('pm'), managerId: new FormControl('') },
      { validators: [lineManagerRule] },
    );
    expect(form.controls.managerId.errors).toEqual({ lineManager: 'A PM needs a line manager: pick their manager.' });
    form.controls.role.setValue('manager');
    expect(form.controls.managerId.errors).toBeNull();
    form.controls.role.setValue('pm');
    form.controls.managerId.setValue('m1');
    expect(form.controls.managerId.errors).toBeNull();
  });

  it('accepts only IANA time zones', () => {
    expect(timeZoneValidator(new FormControl('Europe/Berlin', { nonNullable: true }))).toBeNull();
    expect(timeZoneValidator(new FormControl('CET+1', { nonNullable: true }))).toEqual({
      timezone: 'Time zone must be an IANA time zone such as Europe/Berlin.',
    });
  });
});
