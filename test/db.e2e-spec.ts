import { Db } from '@taawoun/core';
import { startTestApi, type TestApi } from './support/test-api.js';

/** Db.query answers rows for every kind of statement, and transactions join or roll back as one. */
let t: TestApi;
let db: Db;
beforeAll(async () => {
  t = await startTestApi();
  db = t.api.app.get(Db);
  await t.sql(`CREATE TABLE probe (id int PRIMARY KEY, label text NOT NULL)`);
  await t.sql(`INSERT INTO probe VALUES (1, 'a'), (2, 'b')`);
});
afterAll(() => t.close());

it('answers the rows of UPDATE ... RETURNING, and none when nothing matched', async () => {
  const [updated] = await db.query<{ id: number; label: string }>(
    `UPDATE probe SET label = 'x' WHERE id = 1 RETURNING id, label`,
  );
  expect(updated).toEqual({ id: 1, label: 'x' });
  const none = await db.query(`UPDATE probe SET label = 'y' WHERE id = 99 RETURNING id`);
  expect(none).toEqual([]);
  const deleted = await db.query(`DELETE FROM probe WHERE id = 99 RETURNING id`);
  expect(deleted).toEqual([]);
});

it('answers SELECT rows as they are, also two of them', async () => {
  expect(await db.query(`SELECT id FROM probe ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }]);
});

it('runs nested transactions as one, rolling back everything on failure', async () => {
  await expect(
    db.transaction(async () => {
      await db.query(`INSERT INTO probe VALUES (3, 'c')`);
      await db.transaction(() => db.query(`INSERT INTO probe VALUES (4, 'd')`));
      throw new Error('abort');
    }),
  ).rejects.toThrow('abort');
  expect(await t.sql(`SELECT id FROM probe WHERE id IN (3, 4)`)).toEqual([]);
});
