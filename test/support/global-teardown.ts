// Drops this run's template, then stops the embedded PostgreSQL (whose folder goes with it).
// Databases of other runs on a shared DATABASE_URL server are left alone.
import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__TAAWOUN_TEST__;
  if (!state) return;
  try {
    const client = new pg.Client({ connectionString: state.serverUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(state.template)} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  } finally {
    await state.embedded?.stop();
  }
}
