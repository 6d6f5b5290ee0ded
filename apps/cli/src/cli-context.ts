import 'reflect-metadata';
import {
  createLogger,
  databaseOptions,
  environment,
  loadConfigOrExit,
  resolveDatabase,
  type AppConfig,
} from '@taawoun/core';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ENTITIES, MIGRATIONS } from '../../api/src/orm.js';
import { startFailureText } from '../../api/src/process-lifecycle.js';

export interface CliContext {
  config: AppConfig;
  logger: Logger;
  dataSource: DataSource;
}

/**
 * Runs a command-line task against the configured database (embedded when DATABASE_URL is
 * unset), with migrations NOT run automatically, then closes everything, also on failure.
 */
export async function runCli(
  name: string,
  task: (context: CliContext) => Promise<void>,
  options: { databaseUrl?: string; exit?: boolean } = {},
): Promise<number> {
  const { databaseUrl, exit = true } = options;
  const config = loadConfigOrExit(environment());
  const logger = createLogger(config, name);
  let database: { url: string; stop(): Promise<void> };
  try {
    database = databaseUrl
      ? { url: databaseUrl, stop: () => Promise.resolve() }
      : await resolveDatabase(config, logger);
  } catch (error) {
    // e.g. the embedded PostgreSQL could not start: its one-line message says what to do.
    process.stderr.write(`${name} failed: ${startFailureText(error)}\n`);
    if (exit) process.exit(1);
    return 1;
  }
  const dataSource = new DataSource({
    ...databaseOptions(config, database.url, ENTITIES, MIGRATIONS, logger),
    migrationsRun: false,
  });
  let failed = false;
  try {
    await dataSource.initialize();
    await task({ config, logger, dataSource });
  } catch (error) {
    failed = true;
    process.stderr.write(`${name} failed: ${startFailureText(error)}\n`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
  const code = failed ? 1 : 0;
  if (exit) process.exit(code);
  return code;
}

/** `--flag value` or `--flag=value` from argv. */
export function argValue(flag: string, argv: readonly string[] = process.argv.slice(2)): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i].startsWith(`${flag}=`)) return argv[i].slice(flag.length + 1);
  }
  return undefined;
}
