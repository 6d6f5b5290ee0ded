import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type pg from 'pg';
import { connectToTestDatabase } from './support/test-database.js';

/**
 * Every static statement a repository declares (an exported `*_SQL` object of name → SQL text) is
 * prepared against the migrated schema, like Immich's query snapshots: a renamed column, a
 * dropped table or a wrong cast fails here, not in production. PREPARE parses, resolves every
 * name and infers the parameters' types without running anything.
 */
const root = path.resolve(import.meta.dirname, '..');

function repositoryFiles(): string[] {
  return readdirSync(path.join(root, 'libs'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.repository.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function declaredStatements(): Promise<Array<{ name: string; text: string }>> {
  const statements: Array<{ name: string; text: string }> = [];
  for (const file of repositoryFiles()) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [exported, value] of Object.entries(module)) {
      if (!exported.endsWith('_SQL') || typeof value !== 'object' || value === null) continue;
      for (const [key, text] of Object.entries(value))
        if (typeof text === 'string')
          statements.push({ name: `${path.relative(root, file)} ${exported}.${key}`, text });
    }
  }
  return statements;
}

let client: pg.Client;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ client, close } = await connectToTestDatabase());
});
afterAll(() => close());

it('every statement declared by a repository prepares against the migrated schema', async () => {
  const statements = await declaredStatements();
  expect(statements.length).toBeGreaterThan(0);
  const failures: string[] = [];
  for (const [i, statement] of statements.entries()) {
    try {
      await client.query(`PREPARE repository_statement_${i} AS ${statement.text}`);
      await client.query(`DEALLOCATE repository_statement_${i}`);
    } catch (error) {
      failures.push(`${statement.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  expect(failures).toEqual([]);
});

it('a statement naming a column that does not exist is caught (the check can fail)', async () => {
  await expect(
    client.query(`PREPARE probe AS SELECT no_such_column FROM users WHERE id = $1`),
  ).rejects.toThrow(/no_such_column/);
});
