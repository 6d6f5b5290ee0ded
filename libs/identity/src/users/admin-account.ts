import { BadUserInputError, PlatformRole } from '@taawoun/core';
import { hashPassword } from '../auth/password-hasher.js';
import { assertAcceptableAccount } from './account-rules.js';
import { emailProblem, normaliseEmail } from './email-address.js';

/** Anything that runs SQL: a TypeORM DataSource, EntityManager or the Db service. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface AdminAccountInput {
  email: string;
  /** Needed only to create the account; an existing account keeps its password. */
  password?: string;
  fullName?: string;
  grantExisting?: boolean;
}

/** admin:create refused to grant ADMIN; the message says why and what to do. */
export class AdminAccountRefusedError extends Error {
  override name = 'AdminAccountRefusedError';
}

export interface AdminAccountResult {
  userId: string;
  email: string;
  /** The account holder's name, printed so the operator sees who gets the role. */
  fullName: string;
  /** A new account was created (else an existing one was found). */
  created: boolean;
  /** ADMIN was granted by this call (false when the account already had it). */
  granted: boolean;
}

/**
 * What `npm run admin:create` does: creates a new account holding the ADMIN role, checked like
 * `register` (e-mail, password length and common-password list, name). An e-mail that already
 * has an account is refused: anyone may have registered it (keeping their password) in the hope
 * of being made admin. With `grantExisting`, ADMIN goes to that account only when its e-mail is
 * verified, i.e. its holder controls the address. Safe to run twice, and against a concurrent
 * registration of the same e-mail (INSERT ... ON CONFLICT, then the rules for an existing
 * account). The role applies from the account's next request: roles are read from the database
 * on every request, never from tokens.
 */
export async function ensureAdminAccount(
  sql: SqlRunner,
  input: AdminAccountInput,
): Promise<AdminAccountResult> {
  const problem = emailProblem(input.email);
  if (problem) throw BadUserInputError.field('email', problem);
  const email = normaliseEmail(input.email);
  const existing = await grantExisting(sql, email, input.grantExisting === true);
  if (existing) return existing;

  if (input.password === undefined || input.fullName === undefined) {
    throw new BadUserInputError([
      ...(input.password === undefined
        ? [{ field: 'password', message: 'password is required for a new account' }]
        : []),
      ...(input.fullName === undefined
        ? [{ field: 'fullName', message: 'fullName is required for a new account' }]
        : []),
    ]);
  }
  assertAcceptableAccount({ email, password: input.password, fullName: input.fullName }, '');
  const passwordHash = await hashPassword(input.password);
  const fullName = input.fullName.trim();
  const [row] = (await sql.query(
    `INSERT INTO users (email, full_name, password_hash, platform_roles)
     VALUES ($1, $2, $3, ARRAY[$4]::varchar[])
     ON CONFLICT (email) DO NOTHING
     RETURNING id`,
    [email, fullName, passwordHash, PlatformRole.ADMIN],
  )) as { id: string }[];
  if (row) return { userId: row.id, email, fullName, created: true, granted: true };
  // Registered between our look-up and our insert: the rules for an existing account apply.
  const raced = await grantExisting(sql, email, input.grantExisting === true);
  if (!raced) throw new Error(`The account ${email} vanished while being made an admin`);
  return raced;
}

/** Null when no account has this e-mail; otherwise grants ADMIN when allowed, or refuses. */
async function grantExisting(
  sql: SqlRunner,
  email: string,
  allowed: boolean,
): Promise<AdminAccountResult | null> {
  // One statement tells apart "no such account", "granted now", "already an admin" and
  // "not verified", and grants only to a verified account when allowed.
  const [row] = (await sql.query(
    `WITH target AS (
            SELECT id, full_name, platform_roles, email_verified_at IS NOT NULL AS verified
            FROM users WHERE email = $1 FOR UPDATE),
          granted AS (
            UPDATE users u SET platform_roles = array_append(u.platform_roles, $2), updated_at = now()
              FROM target
             WHERE u.id = target.id AND $3::boolean AND target.verified
               AND NOT ($2 = ANY (target.platform_roles))
            RETURNING u.id)
     SELECT target.id, target.full_name, target.verified, $2 = ANY (target.platform_roles) AS admin,
            EXISTS (SELECT 1 FROM granted) AS granted
     FROM target`,
    [email, PlatformRole.ADMIN, allowed],
  )) as { id: string; full_name: string; verified: boolean; admin: boolean; granted: boolean }[];
  if (!row) return null;
  const result = { userId: row.id, email, fullName: row.full_name, created: false };
  if (row.admin) return { ...result, granted: false };
  if (!allowed) {
    throw new AdminAccountRefusedError(
      `An account with the e-mail ${email} already exists (${row.full_name}); to make it an admin, ` +
        'run again with --grant-existing (its e-mail must be verified)',
    );
  }
  if (!row.verified) {
    throw new AdminAccountRefusedError(
      `The account ${row.full_name} <${email}> has not verified its e-mail; ADMIN is not granted. ` +
        'Ask its holder to verify the address first',
    );
  }
  return { ...result, granted: row.granted };
}
