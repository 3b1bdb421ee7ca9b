import { readCsv } from './csv';
import { readTeamRows, TEAM_COLUMNS } from './team-rows';

const read = (text: string) => readTeamRows(readCsv(text, TEAM_COLUMNS));

describe('readTeamRows: each row checked as POST /api/teams checks it', () => {
  it('reads capacities as whole numbers and holiday countries in capitals; an absent column keeps, an empty cell is the default', async () => {
    const { rows, errors } = await read(
      'name,managerEmail,capacity,region,holidayCountry\nEMEA,Ana@X.io,3,EMEA,de\nNA,ana@x.io,+2,,\n',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        name: 'EMEA',
        managerEmail: 'ana@x.io',
        capacity: 3,
        region: 'EMEA',
        segment: undefined,
        timezone: undefined,
        holidayCountry: 'DE',
      },
      {
        line: 3,
        name: 'NA',
        managerEmail: 'ana@x.io',
        capacity: 2,
        region: '',
        segment: undefined,
        timezone: undefined,
        holidayCountry: null,
      },
    ]);
  });

  it('refuses what the team DTO refuses, and a name given twice (in any case)', async () => {
    const { rows, errors } = await read(
      [
        'name,managerEmail,capacity,timezone,holidayCountry',
        'A,a@x.io,1.5,,',
        'B,a@x.io,0,,',
        'C,a@x.io,1001,,',
        'D,a@x.io,,,',
        'E,,1,Mars/Base,ZZ',
        'F,a@x.io,2,,',
        'f,a@x.io,2,,',
      ].join('\n'),
    );
    expect(rows.map((r) => r.name)).toEqual(['F']);
    expect(errors).toEqual([
      { line: 2, field: 'capacity', message: 'capacity must be a whole number' },
      { line: 3, field: 'capacity', message: 'capacity must be at least 1' },
      { line: 4, field: 'capacity', message: 'capacity must be at most 1000' },
      { line: 5, field: 'capacity', message: 'capacity is required' },
      { line: 6, field: 'managerEmail', message: 'managerEmail is required' },
      { line: 6, field: 'timezone', message: expect.stringMatching(/IANA/) },
      { line: 6, field: 'holidayCountry', message: expect.stringMatching(/two-letter country code/) },
      { line: 8, field: 'name', message: 'f is already on line 7' },
    ]);
  });
});
