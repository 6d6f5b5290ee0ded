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
}

export interface AdminAccountResult {
  userId: string;
  email: string;
  /** A new account was created (else an existing one was found). */
  created: boolean;
  /** ADMIN was granted by this call (false when the account already had it). */
  granted: boolean;
}

/**
 * What `npm run admin:create` does: creates an account holding the ADMIN role, or grants ADMIN
 * to the existing account of that e-mail. New accounts are checked like `register` (e-mail,
 * password length and common-password list, name). Safe to run twice, and against a concurrent
 * registration of the same e-mail (INSERT ... ON CONFLICT). The role applies from the account's
 * next request: roles are read from the database on every request, never from tokens.
 */
export async function ensureAdminAccount(
  sql: SqlRunner,
  input: AdminAccountInput,
): Promise<AdminAccountResult> {
  const problem = emailProblem(input.email);
  if (problem) throw BadUserInputError.field('email', problem);
  const email = normaliseEmail(input.email);
  const existing = await grantAdmin(sql, email);
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
  const [row] = (await sql.query(
    `INSERT INTO users (email, full_name, password_hash, platform_roles)
     VALUES ($1, $2, $3, ARRAY[$4]::varchar[])
     ON CONFLICT (email) DO NOTHING
     RETURNING id`,
    [email, input.fullName.trim(), passwordHash, PlatformRole.ADMIN],
  )) as { id: string }[];
  if (row) return { userId: row.id, email, created: true, granted: true };
  // Registered between our look-up and our insert: grant the role to that account instead.
  const raced = await grantAdmin(sql, email);
  if (!raced) throw new Error(`The account ${email} vanished while being made an admin`);
  return raced;
}

async function grantAdmin(sql: SqlRunner, email: string): Promise<AdminAccountResult | null> {
  // One statement tells apart "no such account", "granted now" and "already an admin".
  const [row] = (await sql.query(
    `WITH target AS (SELECT id, platform_roles FROM users WHERE email = $1 FOR UPDATE),
          granted AS (
            UPDATE users u SET platform_roles = array_append(u.platform_roles, $2), updated_at = now()
              FROM target WHERE u.id = target.id AND NOT ($2 = ANY (target.platform_roles))
            RETURNING u.id)
     SELECT target.id, EXISTS (SELECT 1 FROM granted) AS granted FROM target`,
    [email, PlatformRole.ADMIN],
  )) as { id: string; granted: boolean }[];
  return row ? { userId: row.id, email, created: false, granted: row.granted } : null;
}
