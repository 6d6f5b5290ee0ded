import { DataSource } from 'typeorm';
import { ENTITIES, MIGRATIONS } from '../apps/api/src/orm.js';
import { createTestDatabase } from './support/test-database.js';

/**
 * The schema only changes through migrations: a database with every migration applied must
 * match the entities exactly (TypeORM's schema builder finds nothing to change), and every
 * migration must revert cleanly.
 */
describe('migrations', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({
      type: 'postgres',
      url: database.url,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      uuidExtension: 'pgcrypto',
      logging: false,
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('leave no difference between the entities and the database', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('are all applied to the template, in the listed order', async () => {
    const rows = await dataSource.query<{ name: string }[]>(`SELECT name FROM migrations ORDER BY id`);
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('revert one by one down to an empty schema, and apply again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i += 1)
      await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries).toEqual([]);
  });
});
