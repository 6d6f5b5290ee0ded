// Jest global setup: runs once per test run, in Jest's own process, outside its module
// registry (no TypeScript transform, no path aliases), so it loads the compiled build
// (`pretest` builds it). It starts a PostgreSQL server (DATABASE_URL's when set, else an
// embedded one tuned for speed in a temporary folder) and migrates a template database.
// Each test file then clones the template (CREATE DATABASE ... TEMPLATE), in milliseconds.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { startEmbeddedPostgres, withDatabase } from '../../dist/libs/core/src/database/embedded-postgres.js';
import { MIGRATIONS } from '../../dist/migrations/index.js';

export default async function globalSetup() {
  let embedded = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const root = mkdtempSync(path.join(os.tmpdir(), 'taawoun-test-'));
    chmodSync(root, 0o755); // as root, PostgreSQL runs as the postgres user
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(root, 'pg'),
      persistent: false,
      unsafeFast: true,
    });
    serverUrl = embedded.url;
  }
  const template = `taawoun_template_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${client.escapeIdentifier(template)}`);
  await client.end();
  const dataSource = new DataSource({
    type: 'postgres',
    url: withDatabase(serverUrl, template),
    migrations: MIGRATIONS,
    logging: false,
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  process.env.TAAWOUN_TEST_SERVER_URL = serverUrl;
  process.env.TAAWOUN_TEST_TEMPLATE = template;
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  globalThis.__TAAWOUN_TEST__ = { embedded, serverUrl, template };
}
