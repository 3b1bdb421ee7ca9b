import { FormControl } from '@angular/forms';
import type { Team } from '@stint/contracts';
import { countryValidator, teamBody } from './team-dialog';

const team: Team = {
  id: 't1',
  name: 'NA SMB',
  region: 'North America',
  segment: 'SMB',
  managerId: 'm1',
  capacity: 2,
  timezone: 'America/Chicago',
  holidayCountry: 'US',
  active: true,
};
const form = {
  name: 'NA SMB',
  managerId: 'm1',
  capacity: 2,
  region: 'North America',
  segment: 'SMB',
  timezone: 'America/Chicago',
  holidayCountry: 'US',
};

describe('team form', () => {
  it('creates with every field, upper-casing the country and dropping an empty one', () => {
    expect(teamBody(null, { ...form, name: ' New ', holidayCountry: 'de' })).toEqual({
      ...form,
      name: 'New',
      holidayCountry: 'DE',
    });
    expect(teamBody(null, { ...form, holidayCountry: '' }).holidayCountry).toBeNull();
  });

  it('edits only what changed', () => {
    expect(teamBody(team, form)).toEqual({});
    expect(teamBody(team, { ...form, capacity: 5, holidayCountry: '' })).toEqual({ capacity: 5, holidayCountry: null });
  });

  it('wants two letters for the holiday country', () => {
    expect(countryValidator(new FormControl('DE', { nonNullable: true }))).toBeNull();
    expect(countryValidator(new FormControl('', { nonNullable: true }))).toBeNull();
    expect(countryValidator(new FormControl('DEU', { nonNullable: true }))).toEqual({
      country: 'Holiday country must be a two-letter country code with a known holiday calendar, e.g. DE or US.',
    });
  });
});
