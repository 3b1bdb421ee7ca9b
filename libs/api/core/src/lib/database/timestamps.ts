import { types } from 'pg';

/**
 * A timestamptz that a statement returned as text (inside JSON built in SQL), read into a Date exactly as
 * node-postgres reads the column itself: the same instant to the millisecond as any other answer shows.
 */
export const timestamptzFromText: (text: string) => Date = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text');
