import { OmitType } from '@nestjs/swagger';
import { CreateTeamDto } from '@stint/api-programme';
import type { ImportRowError } from '@stint/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';
import type { CsvColumns, CsvTable } from './csv';
import { checkRow, eachInTurn, given, repeatedKeys } from './rows';

export const TEAM_COLUMNS: CsvColumns = {
  required: ['name', 'managerEmail', 'capacity'],
  optional: ['region', 'segment', 'timezone', 'holidayCountry'],
};

/** A row of the teams file obeys POST /api/teams (the manager by email instead of id). */
class TeamRowDto extends OmitType(CreateTeamDto, ['managerId'] as const) {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'managerEmail must be an email address' })
  @MaxLength(320)
  managerEmail!: string;
}

/**
 * One team as the file says. For an optional column: undefined when the file
 * has no such column (an existing team keeps what it has), otherwise the
 * cell, an empty cell meaning the default (no region or segment, UTC, no
 * holiday calendar).
 */
export interface TeamRow {
  line: number;
  name: string;
  managerEmail: string;
  capacity: number;
  region: string | undefined;
  segment: string | undefined;
  timezone: string | undefined;
  holidayCountry: string | null | undefined;
}

/** A whole number in a cell becomes a number; anything else stays text, for the DTO to refuse in its words. */
function wholeNumber(cell: string | undefined): unknown {
  const text = given(cell);
  return text !== undefined && /^[+-]?\d{1,9}$/.test(text) ? Number(text) : text;
}

/** The rows of a teams file that pass every rule of a single row, and the errors of the others. */
export async function readTeamRows(table: CsvTable): Promise<{ rows: TeamRow[]; errors: ImportRowError[] }> {
  const has = (column: string) => table.columns.includes(column);
  const rows: TeamRow[] = [];
  const errors: ImportRowError[] = [...table.errors];
  await eachInTurn(table.rows, ({ line, cells }) => {
    const checked = checkRow(TeamRowDto, line, {
      name: cells['name'],
      managerEmail: given(cells['managerEmail']),
      capacity: wholeNumber(cells['capacity']),
      region: cells['region'],
      segment: cells['segment'],
      timezone: given(cells['timezone']),
      holidayCountry: given(cells['holidayCountry']),
    });
    if (checked.errors.length) {
      errors.push(...checked.errors);
      return;
    }
    const row = checked.value;
    rows.push({
      line,
      name: row.name,
      managerEmail: row.managerEmail,
      capacity: row.capacity,
      region: has('region') ? (row.region ?? '') : undefined,
      segment: has('segment') ? (row.segment ?? '') : undefined,
      timezone: has('timezone') ? (row.timezone ?? 'UTC') : undefined,
      holidayCountry: has('holidayCountry') ? (row.holidayCountry?.toUpperCase() ?? null) : undefined,
    });
  });
  const repeated = repeatedKeys(rows, (r) => r.name, 'name');
  const dropped = new Set(repeated.map((e) => e.line));
  return { rows: rows.filter((r) => !dropped.has(r.line)), errors: [...errors, ...repeated] };
}
