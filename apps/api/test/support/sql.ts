import { Client } from 'pg';

/** One statement against this run's database (or another), on a connection of its own, as an outside observer reads it. */
export async function sql<T>(
  text: string,
  params: unknown[] = [],
  url = String(process.env['DATABASE_URL']),
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
