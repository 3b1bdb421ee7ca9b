import type { ImportReport } from '@stint/contracts';
import {
  checkSummary,
  columnsText,
  csvLine,
  errorSummary,
  fileProblem,
  formatSize,
  importedText,
  importLabel,
  MAX_IMPORT_BYTES,
  reportIn,
  templateCsv,
} from './import-rules';

const report = (over: Partial<ImportReport> = {}): ImportReport => ({
  dryRun: true,
  created: 2,
  updated: 1,
  unchanged: 3,
  errors: [],
  ...over,
});

describe('import rules', () => {
  it('writes each template as the header row and one example row, in the columns the API reads', () => {
    expect(templateCsv('users')).toBe(
      'email,name,role,managerEmail,timezone,locale\njo@example.com,Jo Park,pm,lead@example.com,Europe/Berlin,de-DE\n',
    );
    expect(templateCsv('teams')).toBe(
      'name,managerEmail,capacity,region,segment,timezone,holidayCountry\n' +
        'EMEA Enterprise,lead@example.com,2,EMEA,Enterprise,Europe/Berlin,DE\n',
    );
  });

  it('quotes a cell only when CSV needs it', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines'])).toBe('plain,"a,b","say ""hi""","two\nlines"');
  });

  it('names the required and optional columns of each kind', () => {
    expect(columnsText('users')).toBe(
      'Columns: email, name, role (required); managerEmail, timezone, locale (optional).',
    );
    expect(columnsText('teams')).toBe(
      'Columns: name, managerEmail, capacity (required); region, segment, timezone, holidayCountry (optional).',
    );
  });

  it('writes sizes for people', () => {
    expect(formatSize(1)).toBe('1 byte');
    expect(formatSize(512)).toBe('512 bytes');
    expect(formatSize(12_600)).toBe('12.3 KB');
    expect(formatSize(MAX_IMPORT_BYTES)).toBe('5 MB');
    expect(formatSize(MAX_IMPORT_BYTES + 300_000)).toBe('5.3 MB');
  });

  it('refuses in the browser a file the API would refuse whole: over 5 MB, empty, a spreadsheet', () => {
    expect(fileProblem({ name: 'people.csv', size: 2048 })).toBeNull();
    expect(fileProblem({ name: 'people.csv', size: MAX_IMPORT_BYTES })).toBeNull();
    expect(fileProblem({ name: 'people.csv', size: MAX_IMPORT_BYTES + 1 })).toBe(
      'people.csv is too large (5 MB): one import takes at most 5 MB. Split it into smaller files and import them one by one.',
    );
    expect(fileProblem({ name: 'big.csv', size: 7 * 1024 * 1024 })).toMatch(
      /^big\.csv is too large \(7 MB\): one import/,
    );
    expect(fileProblem({ name: 'people.csv', size: 0 })).toBe(
      'people.csv is empty. Choose a CSV file with a header row and at least one row.',
    );
    expect(fileProblem({ name: 'People.XLSX', size: 9000 })).toBe(
      'People.XLSX is a spreadsheet, not a CSV file. Save it as "CSV UTF-8" and choose that file.',
    );
  });

  it('offers to import the rows a clean check counted, and nothing else', () => {
    expect(importLabel(null)).toBe('Import');
    expect(importLabel(report())).toBe('Import 6 rows');
    expect(importLabel(report({ created: 1, updated: 0, unchanged: 0 }))).toBe('Import 1 row');
    expect(
      importLabel(report({ errors: [{ line: 2, field: 'email', message: 'email must be an email address' }] })),
    ).toBe('Import');
    expect(importLabel(report({ dryRun: false }))).toBe('Import');
  });

  it('sums up a check, its problems, and a finished import', () => {
    expect(checkSummary(report())).toBe('No problems found: importing would create 2, update 1 and leave 3 unchanged.');
    expect(checkSummary(report({ created: 0, updated: 0, unchanged: 0 }))).toBe('The file has no rows to import.');
    expect(
      errorSummary([
        { line: 2, field: 'email', message: 'a' },
        { line: 2, field: 'role', message: 'b' },
        { line: 4, field: 'name', message: 'c' },
      ]),
    ).toBe(
      '3 problems on 2 lines. Nothing can be imported until the file is fixed: correct it, choose it again and check it.',
    );
    expect(errorSummary([{ line: 7, field: 'row', message: 'x' }])).toMatch(/^1 problem on 1 line\. /);
    const many = Array.from({ length: 250 }, (_, i) => ({ line: i + 2, field: 'email', message: 'x' }));
    expect(errorSummary(many)).toMatch(/^250 problems on 250 lines\. .* The first 200 are listed below\.$/);
    expect(importedText(report({ dryRun: false }))).toBe('Imported: 2 created, 1 updated, 3 unchanged.');
  });

  it('reads the report out of a refused import’s error details, and nothing else', () => {
    const errors = [{ line: 3, field: 'managerEmail', message: 'no user with email kim@example.com' }];
    expect(reportIn({ dryRun: false, created: 1, updated: 0, unchanged: 0, errors, fields: { body: 'x' } })).toEqual({
      dryRun: false,
      created: 1,
      updated: 0,
      unchanged: 0,
      errors,
    });
    expect(reportIn({ fields: { body: 'x' } })).toBeNull();
    expect(reportIn({ errors: [{ line: '3' }] })).toBeNull();
    expect(reportIn(null)).toBeNull();
  });
});
