import { BadUserInputError, type FieldProblem } from '@taawoun/core';
import { passwordProblem } from '../passwords/password-policy.js';
import { emailProblem } from './email-address.js';

/**
 * Checks a new account's e-mail, password and name with the rules of `register`, answering every
 * problem at once as BAD_USER_INPUT on the domain fields `email`, `password`, `fullName` (the
 * GraphQL resolver maps them to `input.*` with `argumentFields`).
 */
export function assertAcceptableAccount(account: {
  email: string;
  password: string;
  fullName: string;
}): void {
  const problems: FieldProblem[] = [];
  const email = emailProblem(account.email);
  if (email) problems.push({ field: 'email', message: email });
  const password = passwordProblem(account.password);
  if (password) problems.push({ field: 'password', message: password });
  if (account.fullName.trim().length === 0)
    problems.push({ field: 'fullName', message: 'fullName must not be empty' });
  if (problems.length > 0) throw new BadUserInputError(problems);
}
