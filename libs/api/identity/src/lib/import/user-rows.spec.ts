import { readCsv } from './csv';
import { readUserRows, USER_COLUMNS } from './user-rows';

const read = (text: string) => readUserRows(readCsv(text, USER_COLUMNS));

describe('readUserRows: each row checked as POST /api/users checks it', () => {
  it('normalises emails, roles and locales; an absent column keeps, an empty cell clears', async () => {
    const full = await read(
      'email,name,role,managerEmail,timezone,locale\nKim@X.io,Kim,PM,Ana@X.io,Europe/Berlin,en-gb\nana@x.io,Ana,manager,,,\n',
    );
    expect(full.errors).toEqual([]);
    expect(full.rows).toEqual([
      {
        line: 2,
        email: 'kim@x.io',
        name: 'Kim',
        role: 'pm',
        managerEmail: 'ana@x.io',
        timezone: 'Europe/Berlin',
        locale: 'en-GB',
      },
      { line: 3, email: 'ana@x.io', name: 'Ana', role: 'manager', managerEmail: null, timezone: 'UTC', locale: null },
    ]);
    const partial = await read('email,name,role\nkim@x.io,Kim,pm\n');
    expect(partial.rows[0]).toMatchObject({ managerEmail: undefined, timezone: undefined, locale: undefined });
  });

  it('reports each bad field by line, and remembers the refused rows by email', async () => {
    const { rows, errors, refused } = await read(
      [
        'email,name,role,managerEmail,timezone,locale',
        'nope,A,pm,,,',
        'b@x.io,,admin,,,',
        'c@x.io,C,chief,not-an-email,Nowhere/Land,xx_YY',
        `d@x.io,${'D'.repeat(201)},manager,,,`,
        'e@x.io,E,manager,,,',
        'E@X.IO,E again,manager,,,',
      ].join('\n'),
    );
    expect(rows.map((r) => r.email)).toEqual(['e@x.io']);
    expect(errors.map((e) => [e.line, e.field]).sort()).toEqual([
      [2, 'email'],
      [3, 'name'],
      [4, 'locale'],
      [4, 'managerEmail'],
      [4, 'role'],
      [4, 'timezone'],
      [5, 'name'],
      [7, 'email'],
    ]);
    expect(errors.find((e) => e.line === 5)?.message).toBe('name must be at most 200 characters');
    expect(errors.find((e) => e.line === 7)?.message).toBe('e@x.io is already on line 6');
    expect([...refused]).toEqual([
      ['nope', 2],
      ['b@x.io', 3],
      ['c@x.io', 4],
      ['d@x.io', 5],
    ]);
  });
});
