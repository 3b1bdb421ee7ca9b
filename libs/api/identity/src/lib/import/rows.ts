import { ApiError, fieldErrors } from '@stint/api-core';
import type { ImportReport, ImportRowError } from '@stint/contracts';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Checks one row with the rules of a route's DTO (class-transformer's
 * transforms, then class-validator), so an imported row obeys exactly what
 * the create endpoint asks. `plain` holds the row's cells, undefined for "not
 * given". Returns the transformed row and its errors by line and field.
 */
export function checkRow<T extends object>(
  dto: ClassConstructor<T>,
  line: number,
  plain: Record<string, unknown>,
): { value: T; errors: ImportRowError[] } {
  const value = plainToInstance(dto, plain);
  const fields = fieldErrors(validateSync(value, { forbidUnknownValues: false }));
  return { value, errors: Object.entries(fields).map(([field, message]) => ({ line, field, message })) };
}

/**
 * Runs `each` over `items`, letting other requests in after every `every`
 * items: checking 10,000 rows must not hold the API's event loop for seconds.
 */
export async function eachInTurn<T>(items: readonly T[], each: (item: T) => void, every = 250): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % every === 0) await new Promise((resolve) => setImmediate(resolve));
    each(items[i] as T);
  }
}

/** undefined for an empty cell (or a column the file does not have), else the cell. */
export function given(cell: string | undefined): string | undefined {
  return cell === undefined || cell === '' ? undefined : cell;
}

/**
 * Refuses the second and later rows with the same key (an email, a team
 * name; compared case-insensitively), naming the first line.
 */
export function repeatedKeys<R extends { line: number }>(
  rows: R[],
  key: (row: R) => string,
  field: string,
): ImportRowError[] {
  const first = new Map<string, number>();
  const errors: ImportRowError[] = [];
  for (const row of rows) {
    const k = key(row).toLowerCase();
    const earlier = first.get(k);
    if (earlier === undefined) first.set(k, row.line);
    else errors.push({ line: row.line, field, message: `${key(row)} is already on line ${earlier}` });
  }
  return errors;
}

/** What an import's plan adds up to (`rowErrors`: the rows refused on their own), errors by line then field. */
export function importReport(
  dryRun: boolean,
  plan: { creates: unknown[]; updates: unknown[]; unchanged: number; errors: ImportRowError[] },
  rowErrors: ImportRowError[],
): ImportReport {
  const errors = [...rowErrors, ...plan.errors].sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
  return { dryRun, created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged, errors };
}

/** A real import with errors writes nothing: 422 VALIDATION_FAILED with the report in `details`. */
export function importFailed(report: ImportReport): ApiError {
  const n = new Set(report.errors.map((e) => e.line)).size;
  const message = `${n} row${n === 1 ? ' has' : 's have'} errors, so nothing was imported; see details.errors, fix the file and send it again.`;
  return new ApiError(422, 'VALIDATION_FAILED', message, { ...report, fields: { body: message } });
}
