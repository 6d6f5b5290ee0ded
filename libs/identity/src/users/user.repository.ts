import { Injectable } from '@nestjs/common';
import { Db, type LanguageCode, type PlatformRole } from '@taawoun/core';

/**
 * An account as other libs may read it: never the password hash nor the token version (those
 * stay inside identity, see UserAccountRepository).
 */
export interface UserRow {
  id: string;
  /** Normalised (trimmed, lower-case). */
  email: string;
  fullName: string;
  preferredLanguage: LanguageCode;
  /** Granted platform roles besides BUYER, which every account has. */
  platformRoles: PlatformRole[];
  /** When the holder opened the verification link; null until then. */
  emailVerifiedAt: Date | null;
  createdAt: Date;
}

const USER_COLUMNS = `id, email::text AS email, full_name AS "fullName", preferred_language AS "preferredLanguage",
  platform_roles AS "platformRoles", email_verified_at AS "emailVerifiedAt", created_at AS "createdAt"`;

export const USER_SQL = {
  findById: `SELECT ${USER_COLUMNS} FROM users WHERE id = $1`,
  findByIds: `SELECT ${USER_COLUMNS} FROM users WHERE id = ANY($1::uuid[])`,
  findByEmail: `SELECT ${USER_COLUMNS} FROM users WHERE email = $1`,
  emailOf: `SELECT email::text AS email FROM users WHERE id = $1`,
} as const;

/**
 * The reads of `users` other libs need (the lib owning the table answers them, so no other lib
 * reads `users` itself). Runs in the caller's transaction, if any.
 */
@Injectable()
export class UserRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string): Promise<UserRow | null> {
    const [row] = await this.db.query<UserRow>(USER_SQL.findById, [id]);
    return row ?? null;
  }

  /** The users of these ids, in no particular order (unknown ids are left out): for DataLoaders. */
  findByIds(ids: readonly string[]): Promise<UserRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.query<UserRow>(USER_SQL.findByIds, [[...ids]]);
  }

  /** The account holding this address (compared case-insensitively: the column is citext). */
  async findByEmail(email: string): Promise<UserRow | null> {
    const [row] = await this.db.query<UserRow>(USER_SQL.findByEmail, [email]);
    return row ?? null;
  }

  async emailOf(userId: string): Promise<string | null> {
    const [row] = await this.db.query<{ email: string }>(USER_SQL.emailOf, [userId]);
    return row?.email ?? null;
  }
}
