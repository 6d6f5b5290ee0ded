import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { withDatabase } from '@taawoun/core';
import { MIGRATIONS } from '../../migrations/index.js';

/** Set by global-setup for every test worker. */
export const SERVER_URL_ENV = 'TAAWOUN_TEST_SERVER_URL';
export const TEMPLATE_ENV = 'TAAWOUN_TEST_TEMPLATE';

export function testServerUrl(): string {
  const url = process.env[SERVER_URL_ENV];
  if (!url)
    throw new Error(`${SERVER_URL_ENV} is not set: run the tests through "npm test" (jest global setup)`);
  return url;
}

export async function withAdminClient<T>(
  work: (client: pg.Client) => Promise<T>,
  url = testServerUrl(),
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let templateReady: Promise<string> | null = null;

/**
 * The run's template database with every migration applied, built once by whichever test file
 * asks first (an advisory lock makes the other workers wait for it).
 */
export function migratedTemplate(): Promise<string> {
  templateReady ??= (async () => {
    const template = process.env[TEMPLATE_ENV];
    if (!template) throw new Error(`${TEMPLATE_ENV} is not set: run the tests through "npm test"`);
    await withAdminClient(async (c) => {
      await c.query(`SELECT pg_advisory_lock(hashtext($1))`, [template]);
      try {
        const found = await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
        if (found.rowCount) return;
        const building = `${template}_building`;
        await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(building)}`);
        await c.query(`CREATE DATABASE ${c.escapeIdentifier(building)}`);
        const dataSource = new DataSource({
          type: 'postgres',
          url: withDatabase(testServerUrl(), building),
          migrations: MIGRATIONS,
          logging: false,
        });
        await dataSource.initialize();
        try {
          await dataSource.runMigrations({ transaction: 'each' });
        } finally {
          await dataSource.destroy();
        }
        await c.query(
          `ALTER DATABASE ${c.escapeIdentifier(building)} RENAME TO ${c.escapeIdentifier(template)}`,
        );
      } finally {
        await c.query(`SELECT pg_advisory_unlock(hashtext($1))`, [template]);
      }
    });
    return template;
  })();
  return templateReady;
}

/** A fresh database cloned from the migrated template: one per test file, so files never share rows. */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const template = await migratedTemplate();
  const name = `taawoun_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((c) =>
    c.query(`CREATE DATABASE ${c.escapeIdentifier(name)} TEMPLATE ${c.escapeIdentifier(template)}`),
  );
  return {
    name,
    url: withDatabase(testServerUrl(), name),
    drop: () =>
      withAdminClient((c) =>
        c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`),
      ).then(() => undefined),
  };
}

/** A client connected to a fresh migrated database (see {@link createTestDatabase}), and its clean-up. */
export async function connectToTestDatabase(): Promise<{ client: pg.Client; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    client,
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
}
