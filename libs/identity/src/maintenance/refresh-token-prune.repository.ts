import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

/** The clean-up SQL of `refresh_tokens` (the session SQL stays with the refresh-token service). */
@Injectable()
export class RefreshTokenPruneRepository {
  constructor(private readonly db: Db) {}

  /** Deletes at most `limit` tokens expired for more than a day; answers how many. */
  deleteLongExpiredBatch(limit: number): Promise<number> {
    return this.db.execute(
      `DELETE FROM refresh_tokens WHERE ctid IN (
         SELECT ctid FROM refresh_tokens WHERE expires_at < now() - interval '1 day' LIMIT $1)`,
      [limit],
    );
  }
}
