// Drops the template (and, on an embedded server, whatever a crashed test file left behind),
// then stops the embedded PostgreSQL. Databases of other runs on a shared server are left alone.
import pg from 'pg';

export default async function globalTeardown() {
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
