import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { ImportReport } from '@stint/contracts';
import { describeError } from '@stint/dashboard-session';
import { ListTable } from '@stint/dashboard-ui';
import { firstValueFrom } from 'rxjs';
import { ImportApi } from '../data/import.api';
import {
  checkSummary,
  columnsText,
  errorSummary,
  fileProblem,
  formatSize,
  IMPORT_KINDS,
  IMPORT_SPECS,
  importedText,
  ImportKind,
  importLabel,
  MAX_SHOWN_ERRORS,
  reportIn,
  rowCount,
  templateCsv,
} from './import-rules';
import { localList } from './local-list';

/**
 * Bulk import of users or teams from a CSV file: the admin checks the file (a dry run that writes nothing), reads
 * the problems by line, and imports only a file the check passed. The text that was checked is the text imported.
 */
@Component({
  selector: 'lib-import-page',
  imports: [MatButtonModule, MatButtonToggleModule, MatIconModule, MatProgressBarModule, MatTableModule, ListTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['../shared/admin-page.scss', './import-page.scss'],
  templateUrl: './import-page.html',
})
export class ImportPage {
  private readonly api = inject(ImportApi);
  private readonly document = inject(DOCUMENT);

  protected readonly kinds = IMPORT_KINDS;
  protected readonly specs = IMPORT_SPECS;
  protected readonly errorColumns = ['line', 'field', 'message'];

  protected readonly kind = signal<ImportKind>('users');
  protected readonly file = signal<File | null>(null);
  /** Why the chosen file cannot be sent (too large, a spreadsheet, empty), checked before any request. */
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal<'check' | 'import' | null>(null);
  /** The last check's report, or the one a refused import sent back in its error. */
  protected readonly report = signal<ImportReport | null>(null);
  /** Why the last request failed, in the API's words (or ours, for a refused import). */
  protected readonly failure = signal<string | null>(null);
  protected readonly imported = signal<string | null>(null);
  /** The file's text as checked: the import sends exactly this, even if the file on disk has changed since. */
  private checkedText: string | null = null;

  protected readonly columnsText = computed(() => columnsText(this.kind()));
  protected readonly canCheck = computed(() => !!this.file() && !this.problem() && !this.busy());
  protected readonly canImport = computed(() => {
    const report = this.report();
    return !this.busy() && !!report && report.dryRun && !report.errors.length && rowCount(report) > 0;
  });
  protected readonly importLabel = computed(() => importLabel(this.report()));
  protected readonly errors = computed(() => this.report()?.errors.slice(0, MAX_SHOWN_ERRORS) ?? []);
  protected readonly errorList = localList(this.errors);

  protected size(file: File): string {
    return formatSize(file.size);
  }

  protected checkSummary(report: ImportReport): string {
    return checkSummary(report);
  }

  protected errorSummary(report: ImportReport): string {
    return errorSummary(report.errors);
  }

  protected setKind(kind: ImportKind): void {
    if (kind === this.kind()) return;
    this.kind.set(kind);
    this.reset();
  }

  /** A file was chosen (or the choice cancelled). The input is emptied so that choosing the same file again counts. */
  protected pick(input: HTMLInputElement): void {
    const file = input.files?.[0] ?? null;
    input.value = '';
    this.file.set(file);
    this.problem.set(file ? fileProblem(file) : null);
    this.reset();
  }

  protected async check(): Promise<void> {
    const file = this.file();
    if (!file || !this.canCheck()) return;
    this.reset();
    this.busy.set('check');
    try {
      let text: string;
      try {
        text = await file.text();
      } catch {
        this.failure.set(`Could not read ${file.name}. Choose the file again.`);
        return;
      }
      const report = await firstValueFrom(this.api.run(this.kind(), text, true));
      this.checkedText = text;
      this.report.set(report);
    } catch (error) {
      this.failure.set(`Could not check the file: ${describeError(error).message}`);
    } finally {
      this.busy.set(null);
    }
  }

  protected async runImport(): Promise<void> {
    const text = this.checkedText;
    if (text === null || !this.canImport()) return;
    this.busy.set('import');
    try {
      const report = await firstValueFrom(this.api.run(this.kind(), text, false));
      this.reset();
      this.imported.set(importedText(report));
    } catch (error) {
      const { message, body } = describeError(error);
      if (body?.statusCode === 422) {
        // A refused import writes nothing; its report replaces the check's, so the button stays off until a new check.
        const refused = reportIn(body.details);
        this.report.set(refused);
        this.checkedText = null;
        this.failure.set(
          refused
            ? 'Nothing was imported: some rows have problems now (Stint may have changed since the check).'
            : `Nothing was imported: ${message}`,
        );
      } else {
        this.failure.set(`Could not import: ${message}`);
      }
    } finally {
      this.busy.set(null);
    }
  }

  /** Saves a template (the header row and one example row) as a file, made here in the browser. */
  protected downloadTemplate(kind: ImportKind): void {
    const url = URL.createObjectURL(new Blob([templateCsv(kind)], { type: 'text/csv;charset=utf-8' }));
    const link = this.document.createElement('a');
    link.href = url;
    link.download = IMPORT_SPECS[kind].fileName;
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url));
  }

  private reset(): void {
    this.report.set(null);
    this.failure.set(null);
    this.imported.set(null);
    this.checkedText = null;
  }
}
