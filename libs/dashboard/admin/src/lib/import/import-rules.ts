import type { ImportReport, ImportRowError } from '@stint/contracts';

/*
 * The bulk import's rules as the admin meets them in the browser: the columns of each kind of file, the
 * templates, what a file must be before it is sent, and the words for what the API answered. No Angular here.
 */

export type ImportKind = 'users' | 'teams';
export const IMPORT_KINDS: readonly ImportKind[] = ['users', 'teams'];

/** The largest file one import takes (the API's own limit, MAX_CSV_BODY_BYTES: larger ones are a 413). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Errors listed on the screen at most; a file with more is summed up and the rest left to the next check. */
export const MAX_SHOWN_ERRORS = 200;

export interface ImportKindSpec {
  label: string;
  /** Columns every file of this kind must have, in the template's order. */
  required: readonly string[];
  /** Columns it may have: one left out keeps what each existing row has. */
  optional: readonly string[];
  /** The template's example row, one cell per column (required, then optional). */
  example: readonly string[];
  /** How rows find what is already in Stint. */
  matchedBy: string;
  fileName: string;
}

export const IMPORT_SPECS: Readonly<Record<ImportKind, ImportKindSpec>> = {
  users: {
    label: 'Users',
    required: ['email', 'name', 'role'],
    optional: ['managerEmail', 'timezone', 'locale'],
    example: ['jo@example.com', 'Jo Park', 'pm', 'lead@example.com', 'Europe/Berlin', 'de-DE'],
    matchedBy: 'A row whose email is already in Stint updates that user; any other row creates one.',
    fileName: 'stint-users-template.csv',
  },
  teams: {
    label: 'Teams',
    required: ['name', 'managerEmail', 'capacity'],
    optional: ['region', 'segment', 'timezone', 'holidayCountry'],
    example: ['EMEA Enterprise', 'lead@example.com', '2', 'EMEA', 'Enterprise', 'Europe/Berlin', 'DE'],
    matchedBy: 'A row whose name is already a team (in any letter case) updates that team; any other row creates one.',
    fileName: 'stint-teams-template.csv',
  },
};

/** One CSV cell, quoted only when it has to be (a comma, a quote or a line break in it). */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

/** A template file: the header row and one example row. */
export function templateCsv(kind: ImportKind): string {
  const spec = IMPORT_SPECS[kind];
  return `${csvLine([...spec.required, ...spec.optional])}\n${csvLine(spec.example)}\n`;
}

/** `Columns: email, name, role (required); managerEmail, timezone, locale (optional).` */
export function columnsText(kind: ImportKind): string {
  const spec = IMPORT_SPECS[kind];
  return `Columns: ${spec.required.join(', ')} (required); ${spec.optional.join(', ')} (optional).`;
}

const SIZE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** `512 bytes`, `12.3 KB`, `4.8 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${SIZE.format(bytes / 1024)} KB`;
  return `${SIZE.format(bytes / 1024 / 1024)} MB`;
}

const SPREADSHEET = /\.(xlsx|xlsm|xls|ods|numbers)$/i;

/** Why a chosen file cannot be sent, or null when it can. */
export function fileProblem(file: { name: string; size: number }): string | null {
  if (SPREADSHEET.test(file.name)) {
    return `${file.name} is a spreadsheet, not a CSV file. Save it as "CSV UTF-8" and choose that file.`;
  }
  if (file.size === 0) return `${file.name} is empty. Choose a CSV file with a header row and at least one row.`;
  if (file.size > MAX_IMPORT_BYTES) {
    return `${file.name} is too large (${formatSize(file.size)}): one import takes at most ${formatSize(MAX_IMPORT_BYTES)}. Split it into smaller files and import them one by one.`;
  }
  return null;
}

/** The rows a clean report would write or leave as they are. */
export function rowCount(report: ImportReport): number {
  return report.created + report.updated + report.unchanged;
}

const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

/** The import button's label: `Import 3 rows` once a clean check has counted them, else `Import`. */
export function importLabel(report: ImportReport | null): string {
  return report && report.dryRun && !report.errors.length ? `Import ${rows(rowCount(report))}` : 'Import';
}

/** What a clean check found, in a sentence. */
export function checkSummary(report: ImportReport): string {
  if (rowCount(report) === 0) return 'The file has no rows to import.';
  return `No problems found: importing would create ${report.created}, update ${report.updated} and leave ${report.unchanged} unchanged.`;
}

/** How many problems, on how many lines, and what to do about them. */
export function errorSummary(errors: readonly ImportRowError[]): string {
  const lines = new Set(errors.map((e) => e.line)).size;
  const problems = `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}`;
  const shown = errors.length > MAX_SHOWN_ERRORS ? ` The first ${MAX_SHOWN_ERRORS} are listed below.` : '';
  return `${problems} on ${lines} ${lines === 1 ? 'line' : 'lines'}. Nothing can be imported until the file is fixed: correct it, choose it again and check it.${shown}`;
}

export function importedText(report: ImportReport): string {
  return `Imported: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged.`;
}

function isRowError(value: unknown): value is ImportRowError {
  const e = value as Partial<ImportRowError> | null;
  return (
    !!e &&
    typeof e === 'object' &&
    typeof e.line === 'number' &&
    typeof e.field === 'string' &&
    typeof e.message === 'string'
  );
}

/** The report a refused import (422) carries in its error's `details`, or null if the details hold none. */
export function reportIn(details: unknown): ImportReport | null {
  const d = details as Partial<ImportReport> | null;
  if (!d || typeof d !== 'object' || !Array.isArray(d.errors) || !d.errors.every(isRowError)) return null;
  const count = (n: unknown) => (typeof n === 'number' ? n : 0);
  return {
    dryRun: d.dryRun === true,
    created: count(d.created),
    updated: count(d.updated),
    unchanged: count(d.unchanged),
    errors: d.errors,
  };
}
