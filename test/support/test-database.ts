import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withDatabase } from '@taawoun/core';

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

/** A fresh database cloned from the migrated template: one per test file, so files never share rows. */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error(`${TEMPLATE_ENV} is not set: run the tests through "npm test"`);
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
