import { Injectable } from '@nestjs/common';
import { type CooperativeRole, Db, type LanguageCode, PlatformRole } from '@taawoun/core';
import { USER_COLUMNS, type UserRow } from './user.repository.js';

/** An account with what only identity reads: the password hash and the session version. */
export interface UserAccountRow extends UserRow {
  passwordHash: string;
  /** Bumped to refuse every access token issued so far (sign out everywhere). */
  tokenVersion: number;
}

/** What an access token's holder may do, read on every request. */
export interface ActorRow {
  platformRoles: PlatformRole[];
  tokenVersion: number;
  memberships: { cooperativeId: string; role: CooperativeRole }[];
}

/** Where a password-change notice goes. */
export interface AccountAddressRow {
  email: string;
  fullName: string;
  preferredLanguage: LanguageCode;
}

/** What admin:create found for an address (and whether it granted ADMIN). */
export interface AdminGrantRow {
  id: string;
  fullName: string;
  verified: boolean;
  /** Held ADMIN before this statement. */
  admin: boolean;
  granted: boolean;
}

/** The account a role was granted to; nothing is granted while `verified` is false. */
export interface RoleGrantRow {
  id: string;
  verified: boolean;
}

const ACCOUNT_COLUMNS = `${USER_COLUMNS}, password_hash AS "passwordHash", token_version AS "tokenVersion"`;

export const USER_ACCOUNT_SQL = {
  findById: `SELECT ${ACCOUNT_COLUMNS} FROM users WHERE id = $1`,
  findByEmail: `SELECT ${ACCOUNT_COLUMNS} FROM users WHERE email = $1`,
  insert: `INSERT INTO users (email, full_name, password_hash, preferred_language, platform_roles)
    VALUES ($1, $2, $3, $4, $5::varchar[])
    RETURNING ${ACCOUNT_COLUMNS}`,
  /** Inserts unless the address has an account (admin:create decides what happens then). */
  insertIfAbsent: `INSERT INTO users (email, full_name, password_hash, platform_roles)
    VALUES ($1, $2, $3, $4::varchar[])
    ON CONFLICT (email) DO NOTHING
    RETURNING id`,
  actor: `SELECT u.platform_roles AS "platformRoles", u.token_version AS "tokenVersion",
      COALESCE(json_agg(json_build_object('cooperativeId', m.cooperative_id, 'role', m.role))
        FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships
    FROM users u LEFT JOIN cooperative_memberships m ON m.user_id = u.id
    WHERE u.id = $1
    GROUP BY u.id`,
  /** Only while the stored hash is still `$3`: of two racing changes, one wins. */
  replacePassword: `UPDATE users SET password_hash = $2, updated_at = now()
    WHERE id = $1 AND password_hash = $3
    RETURNING id`,
  /** A reset link proves the address works, so it also verifies it. */
  resetPassword: `UPDATE users SET password_hash = $2, email_verified_at = COALESCE(email_verified_at, now()),
      updated_at = now()
    WHERE id = $1
    RETURNING email::text AS email, full_name AS "fullName", preferred_language AS "preferredLanguage"`,
  bumpTokenVersion: `UPDATE users SET token_version = token_version + 1, updated_at = now() WHERE id = $1
    RETURNING token_version AS "tokenVersion"`,
  /**
   * Grants a platform role to the account of an address, only once it is verified (so nobody
   * receives a role by registering someone else's address); answers whether the account exists.
   */
  grantRoleByEmail: `WITH target AS (
        SELECT id, email_verified_at IS NOT NULL AS verified FROM users WHERE email = $1),
      granted AS (
        UPDATE users u SET platform_roles = array_append(u.platform_roles, $2::varchar), updated_at = now()
        FROM target WHERE u.id = target.id AND target.verified AND NOT ($2::varchar = ANY (u.platform_roles))
        RETURNING u.id)
    SELECT id, verified FROM target`,
  setPreferredLanguage: `UPDATE users SET preferred_language = $2, updated_at = now() WHERE id = $1
    RETURNING ${USER_COLUMNS}`,
  markEmailVerified: `UPDATE users SET email_verified_at = COALESCE(email_verified_at, now()) WHERE id = $1`,
  /**
   * One statement tells apart "no such account", "granted now", "already an admin" and "not
   * verified", and grants only to a verified account when `$3` allows it.
   */
  grantAdmin: `WITH target AS (
        SELECT id, full_name, platform_roles, email_verified_at IS NOT NULL AS verified
        FROM users WHERE email = $1 FOR UPDATE),
      granted AS (
        UPDATE users u SET platform_roles = array_append(u.platform_roles, $2::varchar), updated_at = now()
          FROM target
         WHERE u.id = target.id AND $3::boolean AND target.verified
           AND NOT ($2::varchar = ANY (target.platform_roles))
        RETURNING u.id)
    SELECT target.id, target.full_name AS "fullName", target.verified,
           $2::varchar = ANY (target.platform_roles) AS admin, EXISTS (SELECT 1 FROM granted) AS granted
    FROM target`,
} as const;

/**
 * The statements on `users` that only identity runs: credentials, the session version, roles.
 * Not exported from the lib (other libs read accounts through UserRepository, which never
 * answers a password hash). Runs in the caller's transaction, if any.
 */
@Injectable()
export class UserAccountRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string): Promise<UserAccountRow | null> {
    const [row] = await this.db.query<UserAccountRow>(USER_ACCOUNT_SQL.findById, [id]);
    return row ?? null;
  }

  async findByEmail(email: string): Promise<UserAccountRow | null> {
    const [row] = await this.db.query<UserAccountRow>(USER_ACCOUNT_SQL.findByEmail, [email]);
    return row ?? null;
  }

  /** Throws the unique violation of `UQ_users_email` when the address has an account. */
  async insert(account: {
    email: string;
    fullName: string;
    passwordHash: string;
    preferredLanguage: LanguageCode;
    platformRoles: PlatformRole[];
  }): Promise<UserAccountRow> {
    const [row] = await this.db.query<UserAccountRow>(USER_ACCOUNT_SQL.insert, [
      account.email,
      account.fullName,
      account.passwordHash,
      account.preferredLanguage,
      account.platformRoles,
    ]);
    return row;
  }

  /** A new ADMIN account; null when the address already has an account. */
  async insertAdminIfAbsent(email: string, fullName: string, passwordHash: string): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }>(USER_ACCOUNT_SQL.insertIfAbsent, [
      email,
      fullName,
      passwordHash,
      [PlatformRole.ADMIN],
    ]);
    return row?.id ?? null;
  }

  /** Grants ADMIN to the verified account of `email` when `allowed`; null when there is no account. */
  async grantAdmin(email: string, allowed: boolean): Promise<AdminGrantRow | null> {
    const [row] = await this.db.query<AdminGrantRow>(USER_ACCOUNT_SQL.grantAdmin, [
      email,
      PlatformRole.ADMIN,
      allowed,
    ]);
    return row ?? null;
  }

  async actor(userId: string): Promise<ActorRow | null> {
    const [row] = await this.db.query<ActorRow>(USER_ACCOUNT_SQL.actor, [userId]);
    return row ?? null;
  }

  /** Sets a new hash if the stored one is still `expectedHash`; answers whether it did. */
  async replacePassword(userId: string, passwordHash: string, expectedHash: string): Promise<boolean> {
    const rows = await this.db.query(USER_ACCOUNT_SQL.replacePassword, [userId, passwordHash, expectedHash]);
    return rows.length > 0;
  }

  /** Sets a new hash and marks the address verified; answers where to send the notice. */
  async resetPassword(userId: string, passwordHash: string): Promise<AccountAddressRow | null> {
    const [row] = await this.db.query<AccountAddressRow>(USER_ACCOUNT_SQL.resetPassword, [
      userId,
      passwordHash,
    ]);
    return row ?? null;
  }

  /** Answers the new version; null for an unknown user. */
  async bumpTokenVersion(userId: string): Promise<number | null> {
    const [row] = await this.db.query<{ tokenVersion: number }>(USER_ACCOUNT_SQL.bumpTokenVersion, [userId]);
    return row?.tokenVersion ?? null;
  }

  /** Grants `role` to the verified account of `email`; null when no account has this address. */
  async grantRoleByEmail(email: string, role: PlatformRole): Promise<RoleGrantRow | null> {
    const [row] = await this.db.query<RoleGrantRow>(USER_ACCOUNT_SQL.grantRoleByEmail, [email, role]);
    return row ?? null;
  }

  /** The language of the user's e-mails and screens; null when the account is gone. */
  async setPreferredLanguage(userId: string, language: LanguageCode): Promise<UserRow | null> {
    const [row] = await this.db.query<UserRow>(USER_ACCOUNT_SQL.setPreferredLanguage, [userId, language]);
    return row ?? null;
  }

  async markEmailVerified(userId: string): Promise<void> {
    await this.db.execute(USER_ACCOUNT_SQL.markEmailVerified, [userId]);
  }
}
