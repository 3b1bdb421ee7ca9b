import { types } from 'pg';

/**
 * A timestamptz that a statement returned as text (inside JSON built in SQL), read into a Date exactly as
 * node-postgres reads the column itself: the same instant to the millisecond as any other answer shows.
 */
export const timestamptzFromText: (text: string) => Date = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text');

/**
 * SQL for an instant as `toISOString()` writes it: UTC, milliseconds (cut, as node-postgres cuts the microseconds
 * when it reads the column), `Z`. For JSON built in SQL that must read exactly as the API's other answers.
 */
export const SQL_ISO = (column: string) => `to_char((${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
