import { createHash } from 'node:crypto';

/**
 * A statement the API runs again and again (every sign-in check, a booking's locks and writes), which
 * node-postgres prepares by name on each pooled connection: PostgreSQL parses it once per connection instead of
 * on every run, and, for one whose best plan does not depend on its parameters (a primary key, an insert), plans
 * it once too. Measured on the contended approval bench: PostgreSQL's CPU per round of 20 approvals fell by a
 * third. Only fixed texts are named: each distinct text is one prepared statement per connection, kept until the
 * connection closes. A statement whose plan depends on its parameters (a date range over a team's bookings, a
 * page) stays unnamed, planned afresh each time.
 *
 * Passed where TypeORM takes SQL text (`manager.query(asQuery(statement), params)`, or `namedQuery(text)`):
 * TypeORM hands it to node-postgres as it is, and wraps its errors in QueryFailedError as for any query.
 */
export interface NamedStatement {
  readonly name: string;
  readonly text: string;
}

const named = new Map<string, NamedStatement>();

/** The statement of this text, named by its hash (the same text is the same statement everywhere). */
export function namedStatement(text: string): NamedStatement {
  let statement = named.get(text);
  if (!statement) {
    statement = { name: `stint_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`, text };
    named.set(text, statement);
  }
  return statement;
}

/** The statement as TypeORM's `query` takes it (typed as SQL text; node-postgres reads the name and the text). */
export function asQuery(statement: NamedStatement): string {
  return statement as unknown as string;
}

/** `asQuery(namedStatement(text))`: a text built at run time, named (one statement per distinct text). */
export function namedQuery(text: string): string {
  return asQuery(namedStatement(text));
}

/** The SQL of a query as TypeORM passes it on: text, or a named statement's text (for logs). */
export function queryText(query: unknown): string {
  return typeof query === 'object' && query !== null && 'text' in query ? String(query.text) : String(query);
}
