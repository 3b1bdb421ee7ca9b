import { OmitType } from '@nestjs/swagger';
import { CreateUserDto } from '@stint/api-auth';
import type { ImportRowError, UserRole } from '@stint/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, MaxLength } from 'class-validator';
import type { CsvColumns, CsvTable } from './csv';
import { checkRow, eachInTurn, given, repeatedKeys } from './rows';

export const USER_COLUMNS: CsvColumns = {
  required: ['email', 'name', 'role'],
  optional: ['managerEmail', 'timezone', 'locale'],
};

/** A row of the users file obeys POST /api/users (no password; the line manager by email instead of id). */
class UserRowDto extends OmitType(CreateUserDto, ['password', 'managerId'] as const) {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'managerEmail must be an email address' })
  @MaxLength(320)
  managerEmail?: string;
}

/**
 * One user as the file says. For an optional column: undefined when the file
 * has no such column (an existing user keeps what they have), otherwise the
 * cell, an empty cell meaning "none" (no line manager, no locale) or the
 * default (time zone UTC).
 */
export interface UserRow {
  line: number;
  /** Lower case: emails are matched case-insensitively. */
  email: string;
  name: string;
  role: UserRole;
  managerEmail: string | null | undefined;
  timezone: string | undefined;
  locale: string | null | undefined;
}

/**
 * The rows of a users file that pass every rule of a single row, the errors
 * of the others, and the emails of those others (by line) so that a row naming
 * one of them as line manager can say why it cannot be found.
 */
export async function readUserRows(table: CsvTable): Promise<{
  rows: UserRow[];
  errors: ImportRowError[];
  refused: Map<string, number>;
}> {
  const has = (column: string) => table.columns.includes(column);
  const rows: UserRow[] = [];
  const errors: ImportRowError[] = [...table.errors];
  const refused = new Map<string, number>();
  await eachInTurn(table.rows, ({ line, cells }) => {
    const checked = checkRow(UserRowDto, line, {
      email: cells['email'],
      name: cells['name'],
      role: cells['role']?.toLowerCase(),
      managerEmail: given(cells['managerEmail']),
      timezone: given(cells['timezone']),
      locale: given(cells['locale']),
    });
    if (checked.errors.length) {
      errors.push(...checked.errors);
      refused.set((cells['email'] ?? '').toLowerCase(), line);
      return;
    }
    const row = checked.value;
    rows.push({
      line,
      email: row.email.toLowerCase(),
      name: row.name,
      role: row.role,
      managerEmail: has('managerEmail') ? (row.managerEmail ?? null) : undefined,
      timezone: has('timezone') ? (row.timezone ?? 'UTC') : undefined,
      locale: has('locale') ? (row.locale ?? null) : undefined,
    });
  });
  const repeated = repeatedKeys(rows, (r) => r.email, 'email');
  const dropped = new Set(repeated.map((e) => e.line));
  return { rows: rows.filter((r) => !dropped.has(r.line)), errors: [...errors, ...repeated], refused };
}
