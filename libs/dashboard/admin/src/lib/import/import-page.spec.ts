import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { ImportReport } from '@stint/contracts';
import { ImportPage } from './import-page';

const BAD = 'email,name,role\nnot-an-email,Jo Park,pm\nkim@example.com,Kim Lee,boss\n';
const GOOD =
  'email,name,role\njo@example.com,Jo Park,pm\nkim@example.com,Kim Lee,pm\nana@example.com,Ana Ruiz,manager\n';
const problems = [
  { line: 2, field: 'email', message: 'email must be an email address' },
  { line: 3, field: 'role', message: 'role must be one of pm, manager, admin' },
];
const report = (over: Partial<ImportReport> = {}): ImportReport => ({
  dryRun: true,
  created: 2,
  updated: 1,
  unchanged: 0,
  errors: [],
  ...over,
});

/** A chosen file. jsdom's Blob has no text(), which every browser Stint supports has. */
function csvFile(name: string, content: string, size?: number): File {
  const file = new File([content], name, { type: 'text/csv' });
  Object.defineProperty(file, 'text', { value: () => Promise.resolve(content) });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('ImportPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ImportPage>;
  let el: HTMLElement;

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => el.querySelector<T>(`[data-testid="${id}"]`);
  const text = (id: string) => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  /** The check's counts as `label: figure`. */
  const counts = () =>
    [...el.querySelectorAll('[data-testid="import-counts"] div')].map(
      (d) => `${d.querySelector('dt')?.textContent?.trim()}: ${d.querySelector('dd')?.textContent?.trim()}`,
    );
  const button = (id: string) => byTestId<HTMLButtonElement>(id) as HTMLButtonElement;
  const rows = () =>
    [...el.querySelectorAll('[data-testid="import-errors-table"] tr')].map((r) =>
      [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim()),
    );
  const importCall = (kind = 'users') => http.expectOne((r) => r.method === 'POST' && r.url === `/api/import/${kind}`);

  async function choose(file: File): Promise<void> {
    const input = byTestId<HTMLInputElement>('import-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
  }

  /** Chooses the file and presses Check file; returns the dry run's request, unanswered. */
  async function check(file: File, kind = 'users'): Promise<TestRequest> {
    await choose(file);
    button('check-import').click();
    await settle();
    return importCall(kind);
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ImportPage);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  it('checks a file with a dry run, lists its problems by line, and keeps the import off', async () => {
    expect(button('check-import').disabled).toBe(true);
    expect(button('run-import').disabled).toBe(true);

    const dryRun = await check(csvFile('people.csv', BAD));
    expect(text('import-file-name')).toBe('people.csv · 69 bytes');
    expect(dryRun.request.params.get('dryRun')).toBe('true');
    expect(dryRun.request.body).toBe(BAD);
    expect(dryRun.request.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Checking the file');
    expect(button('check-import').disabled).toBe(true);

    dryRun.flush(report({ created: 0, updated: 0, errors: problems }));
    await settle();
    expect(el.querySelector('mat-progress-bar')).toBeNull();
    expect(counts()).toEqual(['Would create: 0', 'Would update: 0', 'Would leave unchanged: 0']);
    expect(text('import-error-summary')).toMatch(/^2 problems on 2 lines\. Nothing can be imported/);
    expect(rows()).toEqual([
      ['Line', 'Field', 'Problem'],
      ['2', 'email', 'email must be an email address'],
      ['3', 'role', 'role must be one of pm, manager, admin'],
    ]);
    expect(button('run-import').disabled).toBe(true);
    expect(button('run-import').textContent?.trim()).toBe('Import');
  });

  it('imports a clean file without dryRun, sending the text it checked, and says what it did', async () => {
    // A file with problems first; choosing another one puts its report away.
    (await check(csvFile('people.csv', BAD))).flush(report({ errors: problems }));
    await settle();
    await choose(csvFile('people-fixed.csv', GOOD));
    expect(byTestId('import-report')).toBeNull();

    button('check-import').click();
    await settle();
    importCall().flush(report());
    await settle();
    expect(counts()).toEqual(['Would create: 2', 'Would update: 1', 'Would leave unchanged: 0']);
    expect(text('import-check-summary')).toBe(
      'No problems found: importing would create 2, update 1 and leave 0 unchanged.',
    );
    expect(byTestId('import-errors-table')).toBeNull();
    expect(button('run-import').disabled).toBe(false);
    expect(button('run-import').textContent?.trim()).toBe('Import 3 rows');

    button('run-import').click();
    await settle();
    const real = importCall();
    expect(real.request.params.has('dryRun')).toBe(false);
    expect(real.request.body).toBe(GOOD);
    expect(real.request.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Importing the file');
    expect(button('run-import').disabled).toBe(true);
    real.flush(report({ dryRun: false }));
    await settle();

    expect(text('import-result')).toBe('Imported: 2 created, 1 updated, 0 unchanged.');
    expect(byTestId('import-report')).toBeNull();
    expect(button('run-import').disabled).toBe(true);
  });

  it('shows the report a refused import (422) sends back, and wants a new check', async () => {
    (await check(csvFile('people.csv', GOOD))).flush(report());
    await settle();
    button('run-import').click();
    await settle();
    const refused = report({
      dryRun: false,
      errors: [{ line: 4, field: 'email', message: 'ana@example.com is taken' }],
    });
    importCall().flush(
      {
        statusCode: 422,
        code: 'VALIDATION_FAILED',
        message: '1 row has errors, so nothing was imported; see details.errors, fix the file and send it again.',
        details: { ...refused, fields: { body: 'x' } },
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();

    expect(text('import-failure')).toBe(
      'Nothing was imported: some rows have problems now (Stint may have changed since the check).',
    );
    expect(byTestId('import-counts')).toBeNull();
    expect(rows()).toEqual([
      ['Line', 'Field', 'Problem'],
      ['4', 'email', 'ana@example.com is taken'],
    ]);
    expect(button('run-import').disabled).toBe(true);
    expect(byTestId('import-result')).toBeNull();
  });

  it('shows the API’s message when it refuses the file as a whole', async () => {
    (await check(csvFile('people.csv', GOOD))).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The file has 10001 rows; one import takes at most 10000. Split it.',
        details: {},
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(text('import-failure')).toBe(
      'Could not check the file: The file has 10001 rows; one import takes at most 10000. Split it.',
    );
    expect(byTestId('import-report')).toBeNull();
    expect(button('run-import').disabled).toBe(true);
    expect(button('check-import').disabled).toBe(false);
  });

  it('refuses a file over 5 MB in the browser, without a request', async () => {
    await choose(csvFile('huge.csv', GOOD, 6 * 1024 * 1024));
    expect(text('import-file-problem')).toBe(
      'huge.csv is too large (6 MB): one import takes at most 5 MB. Split it into smaller files and import them one by one.',
    );
    expect(button('check-import').disabled).toBe(true);
    http.expectNone(() => true);
  });

  it('puts the report away when the kind changes, and checks teams at their own address', async () => {
    (await check(csvFile('people.csv', GOOD))).flush(report());
    await settle();
    expect(button('run-import').disabled).toBe(false);

    const teams = [...el.querySelectorAll<HTMLButtonElement>('[data-testid="import-kind"] button')].find(
      (b) => b.textContent?.trim() === 'Teams',
    );
    teams?.click();
    await settle();
    expect(byTestId('import-report')).toBeNull();
    expect(button('run-import').disabled).toBe(true);
    expect(text('import-columns')).toContain('Columns: name, managerEmail, capacity (required)');

    button('check-import').click();
    await settle();
    importCall('teams').flush(report({ created: 1, updated: 0 }));
    await settle();
    expect(button('run-import').textContent?.trim()).toBe('Import 1 row');
  });

  it('makes each template in the browser and saves it under its own name', async () => {
    const blobs: Blob[] = [];
    const saved: string[] = [];
    const urls = URL as unknown as { createObjectURL?: unknown; revokeObjectURL?: unknown };
    urls.createObjectURL = (blob: Blob) => (blobs.push(blob), `blob:stint/${blobs.length}`);
    urls.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(`${this.download} ${this.getAttribute('href')}`);
    });
    try {
      button('template-users').click();
      button('template-teams').click();
      expect(saved).toEqual(['stint-users-template.csv blob:stint/1', 'stint-teams-template.csv blob:stint/2']);
      const read = (blob: Blob) =>
        new Promise<string>((resolve) => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result));
          reader.readAsText(blob);
        });
      expect(await read(blobs[0] as Blob)).toBe(
        'email,name,role,managerEmail,timezone,locale\njo@example.com,Jo Park,pm,lead@example.com,Europe/Berlin,de-DE\n',
      );
      expect(blobs[1]?.type).toBe('text/csv;charset=utf-8');
    } finally {
      click.mockRestore();
      delete urls.createObjectURL;
      delete urls.revokeObjectURL;
    }
  });
});
