import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { Team, User } from '@stint/contracts';
import { countryValidator, teamBody, TeamDialog, TeamDialogData } from './team-dialog';

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

describe('TeamDialog', () => {
  const sam: User = {
    id: 'm2',
    email: 'sam@x',
    name: 'Sam Whitaker',
    role: 'manager',
    managerId: null,
    timezone: 'UTC',
    active: true,
  };

  function open(data: TeamDialogData) {
    const close = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(TeamDialog);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const type = (name: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
      if (!input) throw new Error(`no ${name}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const settle = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    const submit = Object.assign(
      async () => {
        el.querySelector('form')?.dispatchEvent(new Event('submit'));
        await settle();
      },
      { settle },
    );
    return { fixture, el, close, type, submit, http: TestBed.inject(HttpTestingController) };
  }

  it('frames the form as a dialog and shows the time zone hint in its own words', async () => {
    const { el, submit } = open({ team: null, managers: [sam] });
    await submit.settle();
    expect(el.querySelector('h2')?.textContent?.trim()).toBe('New sales team');
    expect(el.querySelector('button[type="submit"]')?.getAttribute('form')).toBe('team-form');
    expect(el.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Create team');
    expect(el.textContent).toContain('"Today" for start dates is the team\'s today.');
    expect(el.querySelector<HTMLInputElement>('lib-time-zone-field input')?.value).toBe('UTC');
  });

  it('sends nothing while invalid, puts a taken name under the field, and closes with the saved team', async () => {
    const { fixture, el, close, type, submit, http } = open({ team: null, managers: [sam] });
    type('name', 'NA SMB');
    await submit();
    http.expectNone('/api/teams');
    expect(el.textContent).toContain('Pick the manager of this team.');

    (fixture.componentInstance as unknown as { form: FormGroup }).form.patchValue({ managerId: 'm2' });
    await submit();
    const conflict = http.expectOne((r) => r.method === 'POST' && r.url === '/api/teams');
    expect(conflict.request.body).toEqual(expect.objectContaining({ name: 'NA SMB', managerId: 'm2', capacity: 2 }));
    conflict.flush(
      { statusCode: 409, code: 'CONFLICT', message: 'A team named NA SMB already exists.', details: { field: 'name' } },
      { status: 409, statusText: 'Conflict' },
    );
    await submit.settle();
    expect(el.querySelector('mat-error')?.textContent).toContain('A team named NA SMB already exists.');
    expect(el.querySelector('[role="alert"]')).toBeNull();

    type('name', 'NA SMB 2');
    await submit();
    http.expectOne((r) => r.method === 'POST' && r.url === '/api/teams').flush({ ...team, name: 'NA SMB 2' });
    await submit.settle();
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ name: 'NA SMB 2' }));
    http.verify();
  });
});
