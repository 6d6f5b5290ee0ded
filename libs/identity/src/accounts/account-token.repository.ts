import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import type { AccountTokenKind } from './account-token.entity.js';

/** Longest token accepted from a client: ours are 43 characters; anything longer is refused unread. */
export const ACCOUNT_TOKEN_MAX_LENGTH = 128;

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const ACCOUNT_TOKEN_SQL = {
  retireUnused: `UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND kind = $2 AND used_at IS NULL`,
  insert: `INSERT INTO account_tokens (kind, user_id, token_hash, expires_at)
    VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
  peek: `SELECT user_id AS "userId" FROM account_tokens
    WHERE token_hash = $1 AND kind = $2 AND used_at IS NULL AND expires_at > now()`,
  consume: `UPDATE account_tokens SET used_at = now()
    WHERE token_hash = $1 AND kind = $2 AND used_at IS NULL AND expires_at > now()
    RETURNING user_id AS "userId"`,
  pruneExpired: `DELETE FROM account_tokens WHERE expires_at < now() - interval '1 day'`,
} as const;

/** Every SQL statement on `account_tokens`. Runs in the caller's transaction, if any. */
@Injectable()
export class AccountTokenRepository {
  constructor(private readonly db: Db) {}

  /**
   * Issues a fresh random token (32 bytes) valid `ttlMinutes`, and retires the user's earlier
   * unused tokens of the same kind: only the latest link works.
   */
  async issue(kind: AccountTokenKind, userId: string, ttlMinutes: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.execute(ACCOUNT_TOKEN_SQL.retireUnused, [userId, kind]);
    await this.db.execute(ACCOUNT_TOKEN_SQL.insert, [kind, userId, digest(token), ttlMinutes]);
    return token;
  }

  /** The user a live token belongs to, without using it up; undefined when unknown, used or expired. */
  async peek(kind: AccountTokenKind, token: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ userId: string }>(ACCOUNT_TOKEN_SQL.peek, [digest(token), kind]);
    return row?.userId;
  }

  /**
   * Uses a token up in one conditional UPDATE: of two concurrent uses, one gets the user and the
   * other (after the row lock) finds it used. Undefined when unknown, used or expired.
   */
  async consume(kind: AccountTokenKind, token: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ userId: string }>(ACCOUNT_TOKEN_SQL.consume, [digest(token), kind]);
    return row?.userId;
  }

  /** Deletes tokens expired for more than a day (used or not); answers how many. */
  pruneExpired(): Promise<number> {
    return this.db.execute(ACCOUNT_TOKEN_SQL.pruneExpired);
  }
}
