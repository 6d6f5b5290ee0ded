import path from 'node:path';
import pg from 'pg';
import type { Logger as PinoLogger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres, withDatabase } from './embedded-postgres.js';

export interface DatabaseTarget {
  url: string;
  /** Stops the embedded PostgreSQL, if this process started one; call after the app closed. */
  stop(): Promise<void>;
  embedded: boolean;
}

const APP_DATABASE = 'taawoun';

/**
 * `DATABASE_URL` when set; otherwise an embedded PostgreSQL with its data in `DATA_DIR/postgres`
 * (kept between runs) and a `taawoun` database in it. Never embedded in production.
 */
export async function resolveDatabase(config: AppConfig, log: PinoLogger): Promise<DatabaseTarget> {
  if (config.DATABASE_URL)
    return { url: config.DATABASE_URL, stop: () => Promise.resolve(), embedded: false };
  if (config.isProduction) throw new Error('DATABASE_URL is required when NODE_ENV=production');
  const dataDir = path.resolve(config.DATA_DIR, 'postgres');
  log.info({ dataDir }, 'DATABASE_URL is unset: starting an embedded PostgreSQL');
  const server = await startEmbeddedPostgres({ dataDir, persistent: true, log: (m) => log.debug(m) });
  try {
    await ensureDatabase(server.url, APP_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: withDatabase(server.url, APP_DATABASE), stop: () => server.stop(), embedded: true };
}

export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
    }
  } finally {
    await client.end();
  }
}
