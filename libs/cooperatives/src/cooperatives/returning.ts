import type { Db } from '@taawoun/core';

/**
 * Runs an UPDATE/DELETE ... RETURNING and answers its rows. TypeORM's raw `query` answers
 * `[rows, rowCount]` for UPDATE and DELETE (but plain rows for SELECT and INSERT).
 */
export async function returning<T>(db: Db, sql: string, params: unknown[]): Promise<T[]> {
  const raw = await db.query<unknown>(sql, params);
  if (raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') return raw[0] as T[];
  return raw as T[];
}
