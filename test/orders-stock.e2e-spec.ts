import { Db } from '@taawoun/core';
import { StockService } from '@taawoun/catalog';
import { newCooperative } from './support/factories.js';
import { manyVariants } from './support/orders-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/**
 * Catalog's set-based stock API as orders use it: one statement per move whatever the number of
 * lines, all or nothing for a take (the caller's rollback), row locks in variant-id order.
 */
let t: TestApi;
let db: Db;
let stock: StockService;
beforeAll(async () => {
  t = await startTestApi();
  db = t.api.app.get(Db);
  stock = t.api.app.get(StockService);
});
afterAll(() => t.close());

interface PlanNode {
  'Node Type': string;
  'Subplan Name'?: string;
  'Sort Key'?: string[];
  Plans?: PlanNode[];
}

function find(node: PlanNode, match: (n: PlanNode) => boolean): PlanNode | null {
  if (match(node)) return node;
  for (const child of node.Plans ?? []) {
    const found = find(child, match);
    if (found) return found;
  }
  return null;
}

describe('StockService', () => {
  it('takes and releases many lines in one statement each, recording each movement', async () => {
    const variants = await manyVariants(t, (await newCooperative(t)).id, 40, { stock: 5 });
    const lines = variants.map((variantId, i) => ({ variantId, quantity: 1 + (i % 3) }));
    const statements: string[] = [];
    // Every statement of a repository goes through Db.query: count them there.
    const original = db.query.bind(db);
    db.query = (sql: string, params?: unknown[]) => {
      statements.push(sql);
      return original(sql, params);
    };
    try {
      await db.transaction(() => stock.take(lines, 'test take', null));
      await db.transaction(() => stock.release(lines.slice(0, 10), 'test release', null));
    } finally {
      db.query = original;
    }
    expect(statements).toHaveLength(2);
    const rows = await t.sql<{ id: string; stock: number }>(
      `SELECT id, stock FROM product_variants WHERE id = ANY($1::uuid[])`,
      [variants],
    );
    const byId = new Map(rows.map((r) => [r.id, r.stock]));
    lines.forEach((l, i) => expect(byId.get(l.variantId)).toBe(5 - l.quantity + (i < 10 ? l.quantity : 0)));
    const [moves] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM stock_movements WHERE variant_id = ANY($1::uuid[]) AND reason LIKE 'test %'`,
      [variants],
    );
    expect(moves.n).toBe(50);
  });

  it('takes nothing when one line is short (OUT_OF_STOCK names it) once the transaction rolls back', async () => {
    const [a, b] = await manyVariants(t, (await newCooperative(t)).id, 2, { stock: 3 });
    await expect(
      db.transaction(() =>
        stock.take(
          [
            { variantId: a, quantity: 2 },
            { variantId: b, quantity: 4 },
          ],
          'test take',
          null,
        ),
      ),
    ).rejects.toMatchObject({ code: 'OUT_OF_STOCK', extensions: { variantIds: [b] } });
    const rows = await t.sql(`SELECT stock FROM product_variants WHERE id = ANY($1::uuid[])`, [[a, b]]);
    expect(rows).toEqual([{ stock: 3 }, { stock: 3 }]);
  });

  it('refuses to run outside a transaction (a partial take must be rolled back by its caller)', async () => {
    const [a] = await manyVariants(t, (await newCooperative(t)).id, 1);
    await expect(stock.take([{ variantId: a, quantity: 1 }], 'test', null)).rejects.toThrow(/transaction/);
  });

  it('locks the rows in variant-id order: the plan sorts by id below the lock step', async () => {
    const variants = await manyVariants(t, (await newCooperative(t)).id, 5);
    const { STOCK_SQL } = await import('../libs/catalog/src/variants/stock.repository.js');
    for (const sql of [STOCK_SQL.take, STOCK_SQL.release]) {
      const [{ 'QUERY PLAN': plan }] = await t.sql<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
        `EXPLAIN (FORMAT JSON) ${sql}`,
        [variants, variants.map(() => 1), 'explain', null],
      );
      const locking = find(plan[0].Plan, (n) => n['Node Type'] === 'LockRows');
      expect(locking).not.toBeNull();
      const sort = locking!.Plans?.[0];
      expect(sort?.['Node Type']).toBe('Sort');
      expect(sort?.['Sort Key']).toEqual(['v.id']);
    }
  });
});
