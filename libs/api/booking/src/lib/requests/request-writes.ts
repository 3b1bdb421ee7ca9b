import type { EntityManager } from 'typeorm';
import { RotationRequestEntity } from '../rotation-request.entity';

/** Columns of a request a decision changes (never its id or its creation). */
export type RequestChanges = Partial<Omit<RotationRequestEntity, 'id' | 'createdAt' | 'updatedAt'>>;

/**
 * Applies `changes` to a request already read (and locked) in this
 * transaction, in one UPDATE that hands back the new `updatedAt`. TypeORM's
 * `save` would first read the row again to find what changed: a round trip
 * more while the team row is locked.
 */
export async function updateRequest(
  m: EntityManager,
  request: RotationRequestEntity,
  changes: RequestChanges,
): Promise<void> {
  const result = await m
    .createQueryBuilder()
    .update(RotationRequestEntity)
    .set(changes)
    .where('id = :id', { id: request.id })
    .returning('updated_at')
    .execute();
  const [row] = result.raw as Array<{ updated_at: Date }>;
  if (!row) throw new Error(`rotation request ${request.id} was not there to update`);
  Object.assign(request, changes, { updatedAt: row.updated_at });
}
