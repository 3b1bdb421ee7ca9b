import { ApiError, findBadText } from '@stint/api-core';
import type { ImportRowError } from '@stint/contracts';
import { parse } from 'csv-parse/sync';

/** Most data rows one import takes (the header aside). */
export const MAX_IMPORT_ROWS = 10_000;

/** The columns of one kind of import: those every file must have, and those it may have. */
export interface CsvColumns {
  required: readonly string[];
  optional: readonly string[];
}

/** One data row: its 1-based line in the file, and its cells by column name (only the file's columns). */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  /** The file's columns, by their canonical names, in the file's order. */
  columns: string[];
  rows: CsvRow[];
  /** Rows refused before any rule looked at them: wrong number of cells, control characters. */
  errors: ImportRowError[];
}

function fileError(message: string, details: Record<string, unknown> = {}): ApiError {
  return new ApiError(400, 'VALIDATION_FAILED', message, { fields: { body: message }, ...details });
}

interface Parsed {
  record: string[];
  info: { bytes: number };
}

/**
 * csv-parse's own line count goes wrong with CRLF inside quoted cells, so the
 * first line of each record is counted here from the byte offsets it reports:
 * line breaks before the record's first character, blank lines included.
 */
function firstLines(text: string, records: Parsed[]): number[] {
  const bytes = Buffer.from(text, 'utf8');
  const lines: number[] = [];
  let at = 0;
  let line = 1;
  for (const { info } of records) {
    while (at < info.bytes && (bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x20 || bytes[at] === 0x09)) {
      if (bytes[at] === 0x0a) line++;
      at++;
    }
    lines.push(line);
    for (; at < info.bytes; at++) if (bytes[at] === 0x0a) line++;
  }
  return lines;
}

function parseRecords(text: string): Parsed[] {
  try {
    const options = { bom: true, trim: true, info: true, relax_column_count: true, skip_empty_lines: true };
    return parse(text, options) as unknown as Parsed[];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw fileError(`The file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`, {
      line: typeof line === 'number' ? line : null,
    });
  }
}

/** The header's columns by canonical name; a missing, unknown or repeated column refuses the file. */
function readHeader(header: string[], spec: CsvColumns): string[] {
  const known = [...spec.required, ...spec.optional];
  const byLowerCase = new Map(known.map((name) => [name.toLowerCase(), name]));
  const columns = header.map((cell) => byLowerCase.get(cell.toLowerCase()) ?? cell);
  const unknown = columns.filter((c) => !known.includes(c));
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  const missing = spec.required.filter((c) => !columns.includes(c));
  const expected = `Expected the header ${spec.required.join(',')} followed by any of ${spec.optional.join(',')}.`;
  if (unknown.length)
    throw fileError(`Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}. ${expected}`);
  if (repeated.length) throw fileError(`Column ${repeated.join(', ')} appears more than once.`);
  if (missing.length)
    throw fileError(`Missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}. ${expected}`);
  return columns;
}

/**
 * Reads a CSV file (UTF-8, a header row, a BOM tolerated, cells trimmed,
 * blank lines skipped) into rows by column. What makes the whole file
 * unreadable is a 400: not CSV, a wrong header, more than `maxRows` rows.
 * What is wrong with one row goes into `errors` by line.
 */
export function readCsv(text: string, spec: CsvColumns, maxRows = MAX_IMPORT_ROWS): CsvTable {
  if (text.trim() === '')
    throw fileError(`The file is empty; send a header row (${spec.required.join(',')}) and rows.`);
  const records = parseRecords(text);
  const [header, ...data] = records;
  if (!header) throw fileError('The file has no header row.');
  if (data.length > maxRows) {
    throw fileError(`The file has ${data.length} rows; one import takes at most ${maxRows}. Split it.`, {
      maxRows,
    });
  }
  const columns = readHeader(header.record, spec);
  const lines = firstLines(text, records);
  const rows: CsvRow[] = [];
  const errors: ImportRowError[] = [];
  data.forEach(({ record }, i) => {
    const line = lines[i + 1] ?? 0;
    if (record.every((cell) => cell === '')) return; // a row of empty cells (",,,") is a blank line
    if (record.length !== columns.length) {
      const message = `has ${record.length} cells; the header has ${columns.length}`;
      errors.push({ line, field: 'row', message });
      return;
    }
    const cells = Object.fromEntries(columns.map((c, j) => [c, record[j] ?? '']));
    const bad = findBadText(cells);
    if (bad) errors.push({ line, field: bad[0], message: bad[1] });
    else rows.push({ line, cells });
  });
  return { columns, rows, errors };
}
