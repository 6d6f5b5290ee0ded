import type pg from 'pg';
import { CATALOG_FUNCTIONS, CATALOG_TRIGGERS, type TriggerDefinition } from '@taawoun/catalog';
import { connectToTestDatabase } from './support/test-database.js';

/**
 * Database functions and triggers live as code (`libs/<lib>/src/sql/*.sql.ts`), applied by
 * migrations. This checks the migrated database has exactly the code's definitions: applying
 * them again (in a transaction rolled back) changes no definition, and every function and
 * trigger of the lib in the database has its code. Other libs add their own file
 * (test/sql-definitions-<lib>.e2e-spec.ts) with the same check.
 */
let client: pg.Client;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ client, close } = await connectToTestDatabase());
});
afterAll(() => close());

/** Whitespace-insensitive: the code may be indented differently from the migration's text. */
function normalized(definition: string): string {
  return definition.replace(/\s+/g, ' ').trim();
}

/** Every public function named like `pattern`, name → pg_get_functiondef. */
async function functionDefinitions(pattern: string): Promise<Map<string, string>> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT p.proname AS name, pg_get_functiondef(p.oid) AS definition
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.proname LIKE $1 ORDER BY p.proname`,
    [pattern],
  );
  return new Map(rows.map((r) => [r.name, normalized(r.definition)]));
}

/** The user triggers of these tables, name → pg_get_triggerdef. */
async function triggerDefinitions(tables: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT t.tgname AS name, pg_get_triggerdef(t.oid) AS definition
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND c.relname = ANY($1::text[]) ORDER BY t.tgname`,
    [tables],
  );
  return new Map(rows.map((r) => [r.name, normalized(r.definition)]));
}

/** Applies definitions in a transaction, reads what `read` answers, and rolls back. */
async function afterApplying<T>(
  functions: readonly string[],
  triggers: readonly TriggerDefinition[],
  read: () => Promise<T>,
): Promise<T> {
  await client.query('BEGIN');
  try {
    for (const sql of functions) await client.query(sql);
    for (const trigger of triggers) {
      await client.query(`DROP TRIGGER ${client.escapeIdentifier(trigger.name)} ON ${trigger.table}`);
      await client.query(trigger.sql);
    }
    return await read();
  } finally {
    await client.query('ROLLBACK');
  }
}

const TRIGGER_TABLES = [...new Set(CATALOG_TRIGGERS.map((t) => t.table))];

describe('catalog SQL definitions', () => {
  it('every catalog_* function of the migrated database is in the code, and only those', async () => {
    const migrated = await functionDefinitions('catalog\\_%');
    expect([...migrated.keys()].sort()).toEqual(Object.keys(CATALOG_FUNCTIONS).sort());
  });

  it('the code of each function is its migrated definition (applying it changes nothing)', async () => {
    const migrated = await functionDefinitions('catalog\\_%');
    const applied = await afterApplying(Object.values(CATALOG_FUNCTIONS), [], () =>
      functionDefinitions('catalog\\_%'),
    );
    expect(applied).toEqual(migrated);
  });

  it('the triggers of the catalog tables are the code, and only those', async () => {
    const migrated = await triggerDefinitions(TRIGGER_TABLES);
    expect([...migrated.keys()].sort()).toEqual(CATALOG_TRIGGERS.map((t) => t.name).sort());
    const applied = await afterApplying([], CATALOG_TRIGGERS, () => triggerDefinitions(TRIGGER_TABLES));
    expect(applied).toEqual(migrated);
  });

  it('notices a definition that differs from the database (the check can fail)', async () => {
    const migrated = await functionDefinitions('catalog\\_%');
    const changed = CATALOG_FUNCTIONS.catalog_is_typo.replace('>= 0.5', '>= 0.6');
    expect(changed).not.toBe(CATALOG_FUNCTIONS.catalog_is_typo);
    const applied = await afterApplying([changed], [], () => functionDefinitions('catalog\\_%'));
    expect(applied.get('catalog_is_typo')).not.toEqual(migrated.get('catalog_is_typo'));
    const trigger = CATALOG_TRIGGERS.find((t) => t.name === 'TRG_product_variants_price_update')!;
    const looser = { ...trigger, sql: trigger.sql.replace(/FOR EACH ROW WHEN \([^)]*\)/, 'FOR EACH ROW') };
    expect(looser.sql).not.toBe(trigger.sql);
    const triggers = await afterApplying([], [looser], () => triggerDefinitions(TRIGGER_TABLES));
    expect(triggers.get(trigger.name)).not.toEqual(
      (await triggerDefinitions(TRIGGER_TABLES)).get(trigger.name),
    );
  });
});
