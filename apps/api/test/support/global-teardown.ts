// eslint-disable-next-line @nx/enforce-module-boundaries -- globalTeardown bypasses Nx's path resolver
import { dropDatabase } from '../../../../libs/api/core/src/lib/database/database-setup';
import { removeKeys } from './redis-keys';

export default async function globalTeardown(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  const prefix = process.env['QUEUE_PREFIX'];
  if (url?.includes('/stint_it_')) await dropDatabase(url);
  if (prefix?.startsWith('stint-it-')) await removeKeys(process.env['REDIS_URL'] ?? 'redis://localhost:6379', prefix);
}
