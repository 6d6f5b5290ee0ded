import { addMembership, signUp, type TestUser } from './support/actors.js';
import { cooperativeWithOwner, createProduct, uniqueSku } from './support/catalog-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let t: TestApi;
let coop: string;
let owner: TestUser;
let staff: TestUser;
let otherOwner: TestUser;

beforeAll(async () => {
  t = await startTestApi();
  ({ cooperativeId: coop, owner } = await cooperativeWithOwner(t));
  ({ owner: otherOwner } = await cooperativeWithOwner(t));
  staff = await signUp(t);
  await addMembership(t, staff.id, coop, 'STAFF');
});
afterAll(() => t.close());

async function stockOf(variantId: string): Promise<{ stock: number; movements: number; count: number }> {
  const [row] = await t.sql<{ stock: number; movements: number; count: number }>(
    `SELECT v.stock, COALESCE(sum(m.delta), 0)::int AS movements, count(m.id)::int AS count
       FROM product_variants v LEFT JOIN stock_movements m ON m.variant_id = v.id
      WHERE v.id = $1 GROUP BY v.stock`,
    [variantId],
  );
  return row;
}

describe('adjustStock', () => {
  it('adds and removes stock, recording reason and author', async () => {
    const { variantIds } = await createProduct(t, owner.accessToken, coop, { variants: [{ stock: 10 }] });
    const [variantId] = variantIds;
    const add = await t.gql<{ adjustStock: { stock: number; inStock: boolean } }>(
      ADJUST,
      { variantId, delta: 5, reason: 'nouvelle récolte' },
      staff.accessToken,
    );
    expect(add.errors).toBeUndefined();
    expect(add.data!.adjustStock).toEqual({ id: variantId, stock: 15, inStock: true });
    const remove = await t.gql<{ adjustStock: { stock: number; inStock: boolean } }>(
      ADJUST,
      { variantId, delta: -15, reason: 'vendu au souk' },
      owner.accessToken,
    );
    expect(remove.data!.adjustStock).toEqual({ id: variantId, stock: 0, inStock: false });
    const movements = await t.sql(
      `SELECT delta, resulting_stock, reason, author_id FROM stock_movements WHERE variant_id = $1 ORDER BY created_at, resulting_stock DESC`,
      [variantId],
    );
    expect(movements).toEqual([
      { delta: 10, resulting_stock: 10, reason: 'opening stock', author_id: owner.id },
      { delta: 5, resulting_stock: 15, reason: 'nouvelle récolte', author_id: staff.id },
      { delta: -15, resulting_stock: 0, reason: 'vendu au souk', author_id: owner.id },
    ]);
  });

  it('never goes below zero: OUT_OF_STOCK, nothing changed', async () => {
    const { variantIds } = await createProduct(t, owner.accessToken, coop, { variants: [{ stock: 2 }] });
    const res = await t.gql(
      ADJUST,
      { variantId: variantIds[0], delta: -3, reason: 'casse' },
      owner.accessToken,
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'OUT_OF_STOCK', stock: 2, delta: -3 });
    expect(await stockOf(variantIds[0])).toEqual({ stock: 2, movements: 2, count: 1 });
  });

  it('keeps a CHECK constraint as the last line of defence', async () => {
    const { variantIds } = await createProduct(t, owner.accessToken, coop, { variants: [{ stock: 1 }] });
    await expect(
      t.sql(`UPDATE product_variants SET stock = -1 WHERE id = $1`, [variantIds[0]]),
    ).rejects.toThrow(/CHK_product_variants_stock/);
  });

  it.each([
    ['a zero delta', { delta: 0, reason: 'x' }, 'delta'],
    ['an absurd delta', { delta: 5_000_000, reason: 'x' }, 'delta'],
    ['a blank reason', { delta: 1, reason: '   ' }, 'reason'],
  ])('refuses %s with BAD_USER_INPUT', async (_, args, field) => {
    const { variantIds } = await createProduct(t, owner.accessToken, coop);
    const res = await t.gql(ADJUST, { variantId: variantIds[0], ...args }, owner.accessToken);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field })],
    });
    expect((await stockOf(variantIds[0])).count).toBe(1);
  });

  it("is FORBIDDEN on another cooperative's variant, NOT_FOUND on an unknown one", async () => {
    const { variantIds } = await createProduct(t, owner.accessToken, coop);
    const res = await t.gql(
      ADJUST,
      { variantId: variantIds[0], delta: 1, reason: 'x' },
      otherOwner.accessToken,
    );
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await t.gql(
      ADJUST,
      { variantId: '00000000-0000-4000-8000-000000000000', delta: 1, reason: 'x' },
      owner.accessToken,
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('loses no update under concurrent adjustments over real connections, and never oversells', async () => {
    const { variantIds } = await createProduct(t, owner.accessToken, coop, { variants: [{ stock: 20 }] });
    const [variantId] = variantIds;
    // 40 additions of +3 and 60 removals of -1 race; the removals can only fail when stock is 0.
    const deltas = [...Array.from({ length: 40 }, () => 3), ...Array.from({ length: 60 }, () => -1)];
    deltas.sort(() => Math.random() - 0.5);
    const results = await Promise.all(
      deltas.map((delta) => t.gql(ADJUST, { variantId, delta, reason: 'race' }, owner.accessToken)),
    );
    const applied = deltas.filter((_, i) => !results[i].errors);
    for (const r of results.filter((r) => r.errors))
      expect(r.errors![0].extensions?.code).toBe('OUT_OF_STOCK');
    const expected = 20 + applied.reduce((s, d) => s + d, 0);
    expect(await stockOf(variantId)).toEqual({
      stock: expected,
      movements: expected,
      count: applied.length + 1,
    });
    // With this many additions the stock never actually runs dry: every adjustment applied.
    expect(applied).toHaveLength(100);
    expect(expected).toBe(20 + 120 - 60);
  });

  it('sells the last units exactly once when many buyers race for them', async () => {
    const { variantIds } = await createProduct(t, owner.accessToken, coop, { variants: [{ stock: 5 }] });
    const results = await Promise.all(
      Array.from({ length: 25 }, () =>
        t.gql(ADJUST, { variantId: variantIds[0], delta: -1, reason: 'sale' }, owner.accessToken),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(5);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'OUT_OF_STOCK')).toHaveLength(20);
    expect(await stockOf(variantIds[0])).toEqual({ stock: 0, movements: 0, count: 6 });
  });
});

describe('updateVariant', () => {
  it('sets price and stock, recording the stock difference as a movement', async () => {
    const { id, variantIds } = await createProduct(t, owner.accessToken, coop, {
      variants: [{ stock: 4, priceAmount: 5000 }],
    });
    const res = await t.gql<{ updateVariant: { price: { amount: number }; stock: number } }>(
      UPDATE_VARIANT,
      { id: variantIds[0], priceAmount: 5500, stock: 9 },
      owner.accessToken,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateVariant).toMatchObject({ price: { amount: 5500 }, stock: 9 });
    expect(await stockOf(variantIds[0])).toEqual({ stock: 9, movements: 9, count: 2 });
    const [product] = await t.sql(`SELECT min_price_amount, max_price_amount FROM products WHERE id = $1`, [
      id,
    ]);
    expect(product).toEqual({ min_price_amount: 5500, max_price_amount: 5500 });
  });

  it.each([
    ['a negative stock', { stock: -1 }, 'stock'],
    ['a negative price', { priceAmount: -100 }, 'priceAmount'],
    ['an absurd price', { priceAmount: 10_000_001 }, 'priceAmount'],
  ])('refuses %s with BAD_USER_INPUT, changing nothing', async (_, args, field) => {
    const { variantIds } = await createProduct(t, owner.accessToken, coop, { variants: [{ stock: 3 }] });
    const res = await t.gql(UPDATE_VARIANT, { id: variantIds[0], ...args }, owner.accessToken);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field })],
    });
    const [row] = await t.sql(`SELECT stock, price_amount FROM product_variants WHERE id = $1`, [
      variantIds[0],
    ]);
    expect(row).toEqual({ stock: 3, price_amount: 8000 });
  });

  it('records movements that add up when set and adjusted concurrently', async () => {
    const { variantIds } = await createProduct(t, owner.accessToken, coop, { variants: [{ stock: 50 }] });
    const [variantId] = variantIds;
    await Promise.all([
      ...Array.from({ length: 20 }, () =>
        t.gql(ADJUST, { variantId, delta: -1, reason: 'sale' }, owner.accessToken),
      ),
      ...[30, 40, 35].map((stock) => t.gql(UPDATE_VARIANT, { id: variantId, stock }, owner.accessToken)),
    ]);
    const { stock, movements } = await stockOf(variantId);
    expect(movements).toBe(stock);
  });
});

describe('addVariant', () => {
  it('adds a variant; refuses a duplicate SKU naming input.sku', async () => {
    const { id } = await createProduct(t, owner.accessToken, coop);
    const sku = uniqueSku('M');
    const input = { sku, options: [{ name: 'taille', value: 'M' }], priceAmount: 35000, stock: 2 };
    const res = await t.gql<{ addVariant: { sku: string; stock: number } }>(
      ADD_VARIANT,
      { productId: id, input },
      owner.accessToken,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.addVariant).toMatchObject({ sku, stock: 2 });
    const dup = await t.gql(ADD_VARIANT, { productId: id, input }, owner.accessToken);
    expect(dup.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'input.sku' })],
    });
    const [product] = await t.sql(`SELECT min_price_amount, max_price_amount FROM products WHERE id = $1`, [
      id,
    ]);
    expect(product).toEqual({ min_price_amount: 8000, max_price_amount: 35000 });
  });

  it('caps a product at 100 variants, also under concurrent additions', async () => {
    const { id } = await createProduct(t, owner.accessToken, coop, {
      variants: Array.from({ length: 97 }, () => ({})),
    });
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.gql(
          ADD_VARIANT,
          { productId: id, input: { sku: uniqueSku(), options: [], priceAmount: 100, stock: 1 } },
          owner.accessToken,
        ),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    for (const r of results.filter((r) => r.errors))
      expect(r.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'productId' })],
      });
    const [row] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM product_variants WHERE product_id = $1`,
      [id],
    );
    expect(row.n).toBe(100);
  });
});

const ADJUST = `mutation($variantId: ID!, $delta: Int!, $reason: String!) {
  adjustStock(variantId: $variantId, delta: $delta, reason: $reason) { id stock inStock } }`;
const UPDATE_VARIANT = `mutation($id: ID!, $priceAmount: Int, $stock: Int) {
  updateVariant(id: $id, priceAmount: $priceAmount, stock: $stock) { id stock price { amount currency } } }`;
const ADD_VARIANT = `mutation($productId: ID!, $input: VariantInput!) {
  addVariant(productId: $productId, input: $input) { id sku stock name options { name value } } }`;
