import { ApiError } from '@stint/api-core';
import { readCsv } from './csv';

const SPEC = { required: ['email', 'name'], optional: ['locale'] };

function refusal(text: string, maxRows?: number): ApiError {
  try {
    readCsv(text, SPEC, maxRows);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('readCsv', () => {
  it('reads rows by column, trimmed, with the BOM, CRLF, quotes and blank lines a spreadsheet writes', () => {
    const text = '\ufeffEmail , name\r\n a@b.c , "Lee, Ann"\r\n\r\n\r\nx@y.z,"Two\r\nlines"\r\nq@r.s,Last';
    expect(readCsv(text, SPEC)).toEqual({
      columns: ['email', 'name'],
      rows: [
        { line: 2, cells: { email: 'a@b.c', name: 'Lee, Ann' } },
        { line: 7, cells: { email: 'q@r.s', name: 'Last' } },
      ],
      errors: [{ line: 5, field: 'name', message: 'name must be a single line; remove the line breaks and tabs' }],
    });
  });

  it('counts lines of multi-byte text right, and skips rows of empty cells', () => {
    const text = 'name,email,locale\nJürgen Ünal,j@ü.de,de\n,,\nZoë,z@x.y,\n';
    expect(readCsv(text, SPEC).rows.map((r) => [r.line, r.cells['name']])).toEqual([
      [2, 'Jürgen Ünal'],
      [4, 'Zoë'],
    ]);
  });

  it('reports a row with the wrong number of cells, or a control character, by line', () => {
    const { rows, errors } = readCsv('email,name\na@b.c\nb@c.d,B,extra\nc@d.e,Nul\u0000\nd@e.f,D\n', SPEC);
    expect(rows.map((r) => r.line)).toEqual([5]);
    expect(errors).toEqual([
      { line: 2, field: 'row', message: 'has 1 cells; the header has 2' },
      { line: 3, field: 'row', message: 'has 3 cells; the header has 2' },
      { line: 4, field: 'name', message: expect.stringMatching(/control character/) },
    ]);
  });

  it('refuses a file it cannot read as a whole: empty, not CSV, a wrong header, too many rows', () => {
    expect(refusal('  \n').message).toMatch(/empty/);
    expect(refusal('email,name\n"a@b.c,A\n').message).toMatch(/not valid CSV/);
    expect(refusal('email\n').message).toBe(
      'Missing column name. Expected the header email,name followed by any of locale.',
    );
    expect(refusal('email,name,age\n').message).toMatch(/^Unknown column age\./);
    expect(refusal('email,name,Email\n').message).toBe('Column email appears more than once.');
    const big = refusal(`email,name\n${'a@b.c,A\n'.repeat(4)}`, 3);
    expect(big).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: { maxRows: 3 } });
    expect(big.message).toMatch(/4 rows; one import takes at most 3/);
  });
});
