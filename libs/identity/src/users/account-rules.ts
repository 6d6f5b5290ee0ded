import { BadUserInputError, type FieldProblem } from '@taawoun/core';
import { passwordProblem } from '../passwords/password-policy.js';
import { emailProblem } from './email-address.js';

/**
 * Checks a new account's e-mail, password and name with the rules of `register`, answering every
 * problem at once as BAD_USER_INPUT. `prefix` names the fields as the caller knows them
 * (`input` for GraphQL → `input.password`; empty for the command line → `password`).
 */
export function assertAcceptableAccount(
  account: { email: string; password: string; fullName: string },
  prefix = 'input',
): void {
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const problems: FieldProblem[] = [];
  const email = emailProblem(account.email);
  if (email) problems.push({ field: field('email'), message: email });
  const password = passwordProblem(account.password);
  if (password) problems.push({ field: field('password'), message: password });
  if (account.fullName.trim().length === 0)
    problems.push({ field: field('fullName'), message: 'fullName must not be empty' });
  if (problems.length > 0) throw new BadUserInputError(problems);
}
