import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

export const CATALOG_ACCESS_SQL = {
  /**
   * The cooperative's status under a share lock: a concurrent suspension waits for the catalog
   * write. (The `cooperatives` table belongs to the cooperatives lib; this lock is the catalog's.)
   */
  lockCooperativeStatus: `SELECT status FROM cooperatives WHERE id = $1::uuid FOR SHARE`,
} as const;

/** The catalog's one statement on `cooperatives`: the write-side status check. */
@Injectable()
export class CatalogAccessRepository {
  constructor(private readonly db: Db) {}

  /** The cooperative's status, share-locked until the transaction ends; null when unknown. */
  async lockCooperativeStatus(cooperativeId: string): Promise<string | null> {
    const [row] = await this.db.query<{ status: string }>(CATALOG_ACCESS_SQL.lockCooperativeStatus, [
      cooperativeId,
    ]);
    return row?.status ?? null;
  }
}
