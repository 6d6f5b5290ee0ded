import { BadUserInputError, Db } from '@taawoun/core';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password-hasher.js';
import { assertAcceptableAccount } from './account-rules.js';
import { emailProblem, normaliseEmail } from './email-address.js';
import { UserAccountRepository } from './user-account.repository.js';

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
  database: DataSource | Db,
  input: AdminAccountInput,
): Promise<AdminAccountResult> {
  const accounts = new UserAccountRepository(database instanceof Db ? database : new Db(database));
  const problem = emailProblem(input.email);
  if (problem) throw BadUserInputError.field('email', problem);
  const email = normaliseEmail(input.email);
  const existing = await grantExisting(accounts, email, input.grantExisting === true);
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
  assertAcceptableAccount({ email, password: input.password, fullName: input.fullName });
  const passwordHash = await hashPassword(input.password);
  const fullName = input.fullName.trim();
  const userId = await accounts.insertAdminIfAbsent(email, fullName, passwordHash);
  if (userId) return { userId, email, fullName, created: true, granted: true };
  // Registered between our look-up and our insert: the rules for an existing account apply.
  const raced = await grantExisting(accounts, email, input.grantExisting === true);
  if (!raced) throw new Error(`The account ${email} vanished while being made an admin`);
  return raced;
}

/** Null when no account has this e-mail; otherwise grants ADMIN when allowed, or refuses. */
async function grantExisting(
  accounts: UserAccountRepository,
  email: string,
  allowed: boolean,
): Promise<AdminAccountResult | null> {
  const row = await accounts.grantAdmin(email, allowed);
  if (!row) return null;
  const result = { userId: row.id, email, fullName: row.fullName, created: false };
  if (row.admin) return { ...result, granted: false };
  if (!allowed) {
    throw new AdminAccountRefusedError(
      `An account with the e-mail ${email} already exists (${row.fullName}); to make it an admin, ` +
        'run again with --grant-existing (its e-mail must be verified)',
    );
  }
  if (!row.verified) {
    throw new AdminAccountRefusedError(
      `The account ${row.fullName} <${email}> has not verified its e-mail; ADMIN is not granted. ` +
        'Ask its holder to verify the address first',
    );
  }
  return { ...result, granted: row.granted };
}
