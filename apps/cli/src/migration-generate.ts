import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import {
  createLogger,
  ensureDatabase,
  environment,
  loadConfigOrExit,
  resolveDatabase,
  withDatabase,
} from '@taawoun/core';
import type { DataSource } from 'typeorm';
import { runCli } from './cli-context.js';

/**
 * `npm run migration:generate -- Name`: migrates a scratch database, compares it with the
 * entities and writes `migrations/<epoch>-<Name>.ts` with the difference (or says there is none).
 * Then add the new class to migrations/index.ts.
 */
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
  process.stderr.write('usage: npm run migration:generate -- PascalCaseName\n');
  process.exit(2);
}
const config = loadConfigOrExit(environment());
const server = await resolveDatabase(config, createLogger(config, 'migration:generate'));
const scratch = `taawoun_generate_${randomBytes(4).toString('hex')}`;
let code: number;
try {
  await ensureDatabase(server.url, scratch);
  code = await runCli('migration:generate', (context) => generate(context.dataSource), {
    databaseUrl: withDatabase(server.url, scratch),
    exit: false,
  });
} finally {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(scratch)} WITH (FORCE)`);
  await client.end();
  await server.stop();
}
process.exit(code);

async function generate(dataSource: DataSource): Promise<void> {
  await dataSource.runMigrations({ transaction: 'each' });
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    process.stdout.write('No changes: entities and migrations agree.\n');
    return;
  }
  const epoch = Date.now();
  const quote = (s: string) =>
    '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const lines = (queries: { query: string }[]) =>
    queries.map((q) => `    await q.query(${quote(q.query)});`).join('\n');
  const file = path.resolve('migrations', `${epoch}-${name}.ts`);
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${epoch} implements MigrationInterface {\n  name = '${name}${epoch}';\n\n  async up(q: QueryRunner): Promise<void> {\n${lines(sql.upQueries)}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${lines([...sql.downQueries].reverse())}\n  }\n}\n`,
  );
  process.stdout.write(`Wrote ${file}: add ${name}${epoch} to migrations/index.ts\n`);
}
