import { BadUserInputError } from '@taawoun/core';
import {
  AdminAccountRefusedError,
  emailProblem,
  ensureAdminAccount,
  passwordProblem,
} from '@taawoun/identity';
import { argValue, runCli } from './cli-context.js';

const USAGE =
  'usage: npm run admin:create -- --email E --password P --name "Full Name"\n' +
  '       npm run admin:create -- --email E --grant-existing   (an existing account with a verified e-mail)\n';

export interface AdminCreateIo {
  /** Another database than the configured one (tests). */
  databaseUrl?: string;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

/**
 * `npm run admin:create`: creates a new account with the ADMIN role. An e-mail that already has
 * an account is refused (someone may have registered it to be made admin), unless
 * `--grant-existing` is given and that account's e-mail is verified; the command then prints whose
 * account gets the role. Answers the exit code.
 */
export async function adminCreate(argv: readonly string[], io: AdminCreateIo = {}): Promise<number> {
  const out = io.out ?? ((text: string) => process.stdout.write(text));
  const err = io.err ?? ((text: string) => process.stderr.write(text));
  const email = argValue('--email', argv);
  const password = argValue('--password', argv);
  const fullName = argValue('--name', argv);
  const grantExisting = argv.includes('--grant-existing');

  // Checked before touching the database, so a typo costs nothing and says what is wrong.
  const problems = [
    email === undefined ? '--email is required' : emailProblem(email),
    password === undefined ? null : passwordProblem(password),
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) {
    err(`${problems.join('\n')}\n${USAGE}`);
    return 2;
  }

  let refused = false;
  const code = await runCli(
    'admin:create',
    async ({ dataSource, logger }) => {
      try {
        const result = await ensureAdminAccount(dataSource, {
          email: email!,
          password,
          fullName,
          grantExisting,
        });
        const who = `${result.fullName} <${result.email}>`;
        const what = result.created
          ? `${who}: new account created with the ADMIN role`
          : result.granted
            ? `${who}: existing account, ADMIN granted (its password is unchanged)`
            : `${who}: existing account, already had the ADMIN role`;
        logger.info(
          { userId: result.userId, email: result.email, created: result.created },
          'admin account ready',
        );
        out(`${what}\n`);
      } catch (error) {
        if (error instanceof AdminAccountRefusedError) {
          refused = true;
          err(`admin:create refused: ${error.message}\n`);
          return;
        }
        if (error instanceof BadUserInputError) {
          err(
            `${error.fields.map((f) => `--${f.field === 'fullName' ? 'name' : f.field}: ${f.message}`).join('\n')}\n${USAGE}`,
          );
          throw new Error('invalid arguments', { cause: error });
        }
        throw error;
      }
    },
    { databaseUrl: io.databaseUrl, exit: false },
  );
  return refused ? 1 : code;
}
