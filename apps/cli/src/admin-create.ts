import { BadUserInputError } from '@taawoun/core';
import { emailProblem, ensureAdminAccount, passwordProblem } from '@taawoun/identity';
import { argValue, runCli } from './cli-context.js';

/**
 * `npm run admin:create -- --email E --password P --name N`: creates an account with the ADMIN
 * role, or grants ADMIN to the existing account of that e-mail (then --password and --name may
 * be left out, and the account keeps its password). New accounts follow the rules of `register`.
 */
const USAGE = 'usage: npm run admin:create -- --email E [--password P --name "Full Name"]\n';

const email = argValue('--email');
const password = argValue('--password');
const fullName = argValue('--name');

// Checked before touching the database, so a typo costs nothing and says what is wrong.
const problems = [
  email === undefined ? '--email is required' : emailProblem(email),
  password === undefined ? null : passwordProblem(password),
].filter((p): p is string => p !== null);
if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n${USAGE}`);
  process.exit(2);
}

await runCli('admin:create', async ({ dataSource, logger }) => {
  try {
    const result = await ensureAdminAccount(dataSource, { email: email!, password, fullName });
    const what = result.created
      ? 'created with the ADMIN role'
      : result.granted
        ? 'existed: ADMIN granted (its password is unchanged)'
        : 'existed and already had the ADMIN role';
    logger.info({ userId: result.userId, email: result.email }, 'admin account ready');
    process.stdout.write(`${result.email}: ${what}\n`);
  } catch (error) {
    if (error instanceof BadUserInputError) {
      process.stderr.write(
        `${error.fields.map((f) => `--${f.field === 'fullName' ? 'name' : f.field}: ${f.message}`).join('\n')}\n${USAGE}`,
      );
      throw new Error('invalid arguments', { cause: error });
    }
    throw error;
  }
});
