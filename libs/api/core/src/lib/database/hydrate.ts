import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity from a row a raw statement read with the table's own column
 * names (`SELECT r.* …`), each value converted as TypeORM converts it when it
 * loads the entity itself. For statements TypeORM's query builder cannot
 * write (several locks in one round trip), whose rows must still become the
 * entity the rest of the code saves and answers.
 */
export function hydrate<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = m.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (!(column.databaseName in row)) continue;
    column.setEntityValue(entity, m.connection.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}
