import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addMembership, signUp, type TestUser } from './support/actors.js';
import { fetchAsset, keyOf, pdf, png, upload } from './support/asset-fixtures.js';
import { cooperativeWithOwner, productInput } from './support/catalog-fixtures.js';
import { startTestApi, type TestApi } from './support/test-api.js';

let t: TestApi;
let dataDir: string;
let coop: string;
let owner: TestUser;
let otherCoop: string;
let otherOwner: TestUser;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'taawoun-attach-'));
  t = await startTestApi({ DATA_DIR: dataDir });
  ({ cooperativeId: coop, owner } = await cooperativeWithOwner(t));
  ({ cooperativeId: otherCoop, owner: otherOwner } = await cooperativeWithOwner(t));
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function uploaded(token: string, bytes?: Buffer): Promise<{ id: string; url: string }> {
  const response = await upload(t, bytes ?? (await png()), { token });
  if (response.status !== 201) throw new Error(`upload failed: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; url: string };
}

const CREATE = `mutation($input: CreateProductInput!) {
  createProduct(input: $input) { id images { id url mimeType width height thumbnailUrl } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProductInput!) {
  updateProduct(id: $id, input: $input) { id images { id } } }`;
const PRODUCT = `query($id: ID!) { product(id: $id) { id images { id url } } }`;
const ADD_CERTIFICATION = `mutation($cooperativeId: ID!, $input: CertificationInput!) {
  addCertification(cooperativeId: $cooperativeId, input: $input) { id } }`;

function create(token: string, cooperativeId: string, imageAssetIds: string[]) {
  return t.gql<{ createProduct: { id: string; images: { id: string; url: string; mimeType: string }[] } }>(
    CREATE,
    { input: { ...productInput(cooperativeId), imageAssetIds } },
    token,
  );
}

const fieldsOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  ((res.errors?.[0]?.extensions?.fields ?? []) as { field: string }[]).map((f) => f.field);
const productCount = async () => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM products`))[0].n;

describe('product images', () => {
  it('resolve to the real assets, in the order given, and become public', async () => {
    const [a, b, c] = [
      await uploaded(owner.accessToken),
      await uploaded(owner.accessToken),
      await uploaded(owner.accessToken),
    ];
    expect((await fetchAsset(t, new URL(a.url).pathname)).status).toBe(404); // private while unattached
    const res = await create(owner.accessToken, coop, [b.id, a.id, c.id]);
    expect(res.errors).toBeUndefined();
    const images = res.data!.createProduct.images;
    expect(images.map((i) => i.id)).toEqual([b.id, a.id, c.id]);
    expect(images[0]).toMatchObject({ url: b.url, mimeType: 'image/png', width: 64, height: 48 });
    const open = await fetchAsset(t, new URL(a.url).pathname);
    expect(open.status).toBe(200);
    expect(open.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const [row] = await t.sql<{ cooperative_id: string; kind: string }>(
      `SELECT cooperative_id, kind FROM assets WHERE id = $1`,
      [a.id],
    );
    expect(row).toEqual({ cooperative_id: coop, kind: 'PRODUCT_IMAGE' });

    const id = res.data!.createProduct.id;
    const reordered = await t.gql<{ updateProduct: { images: { id: string }[] } }>(
      UPDATE,
      { id, input: { imageAssetIds: [c.id, b.id] } },
      owner.accessToken,
    );
    expect(reordered.errors).toBeUndefined();
    expect(reordered.data!.updateProduct.images.map((i) => i.id)).toEqual([c.id, b.id]);
    const read = await t.gql<{ product: { images: { id: string }[] } }>(PRODUCT, { id }, owner.accessToken);
    expect(read.data!.product.images.map((i) => i.id)).toEqual([c.id, b.id]);
  });

  it('refuse an id that is no asset, naming the field, and store nothing', async () => {
    const before = await productCount();
    const res = await create(owner.accessToken, coop, ['6f1d2c3b-0000-4000-8000-000000000001']);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toEqual(['input.imageAssetIds']);
    expect(await productCount()).toBe(before);
  });

  it("refuse another user's private upload with the same answer, and leave it private", async () => {
    const theirs = await uploaded(otherOwner.accessToken);
    const before = await productCount();
    const res = await create(owner.accessToken, coop, [theirs.id]);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toEqual(['input.imageAssetIds']);
    expect(res.errors?.[0].message).toContain('is not an upload you may use');
    expect(await productCount()).toBe(before);
    const [row] = await t.sql<{ cooperative_id: string | null; public: boolean }>(
      `SELECT cooperative_id, public FROM assets WHERE id = $1`,
      [theirs.id],
    );
    expect(row).toEqual({ cooperative_id: null, public: false });
  });

  it('refuse a PDF as a product image', async () => {
    const document = await uploaded(owner.accessToken, pdf());
    const res = await create(owner.accessToken, coop, [document.id]);
    expect(fieldsOf(res)).toEqual(['input.imageAssetIds']);
    expect(res.errors?.[0].message).toContain('is not an image');
  });

  it("let another member of the cooperative reuse its images, but not another cooperative's members", async () => {
    const image = await uploaded(owner.accessToken);
    expect((await create(owner.accessToken, coop, [image.id])).errors).toBeUndefined();
    const colleague = await signUp(t);
    await addMembership(t, colleague.id, coop, 'MANAGER');
    expect((await create(colleague.accessToken, coop, [image.id])).errors).toBeUndefined();
    const res = await create(otherOwner.accessToken, otherCoop, [image.id]);
    expect(fieldsOf(res)).toEqual(['input.imageAssetIds']);
  });

  it('attach an upload to one cooperative only, when a member of two uses it in both at once', async () => {
    const both = await signUp(t);
    await addMembership(t, both.id, coop, 'MANAGER');
    await addMembership(t, both.id, otherCoop, 'MANAGER');
    const image = await uploaded(both.accessToken);
    const results = await Promise.all([
      create(both.accessToken, coop, [image.id]),
      create(both.accessToken, otherCoop, [image.id]),
    ]);
    const succeeded = results.filter((r) => !r.errors);
    const failed = results.filter((r) => r.errors);
    expect(succeeded).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0].errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(failed[0])).toEqual(['input.imageAssetIds']);
    const rows = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM product_images WHERE asset_id = $1`,
      [image.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('cannot point at a missing asset even from SQL (foreign key)', async () => {
    const { id } = (await create(owner.accessToken, coop, [])).data!.createProduct;
    await expect(
      t.sql(`INSERT INTO product_images (product_id, asset_id, position) VALUES ($1, gen_random_uuid(), 0)`, [
        id,
      ]),
    ).rejects.toThrow(/FK_product_images_asset/);
  });
});

describe('certification documents', () => {
  const input = (reference: string, documentAssetId: string) => ({
    type: 'ORGANIC',
    reference,
    issuedOn: '2024-03-01',
    documentAssetId,
  });

  it('accept the member’s own PDF, which stays private to members and admins', async () => {
    const document = await uploaded(owner.accessToken, pdf());
    const res = await t.gql(
      ADD_CERTIFICATION,
      { cooperativeId: coop, input: input('BIO-1', document.id) },
      owner.accessToken,
    );
    expect(res.errors).toBeUndefined();
    const path = `/assets/${keyOf(document.url)}`;
    expect((await fetchAsset(t, path)).status).toBe(404);
    const colleague = await signUp(t);
    await addMembership(t, colleague.id, coop, 'STAFF');
    expect((await fetchAsset(t, path, colleague.accessToken)).status).toBe(200);
    expect((await fetchAsset(t, path, otherOwner.accessToken)).status).toBe(404);
  });

  it('refuse a missing asset and another user’s upload, naming documentAssetId, and store nothing', async () => {
    const theirs = await uploaded(otherOwner.accessToken, pdf());
    for (const [reference, assetId] of [
      ['BIO-2', '6f1d2c3b-0000-4000-8000-000000000002'],
      ['BIO-3', theirs.id],
    ]) {
      const res = await t.gql(
        ADD_CERTIFICATION,
        { cooperativeId: coop, input: input(reference, assetId) },
        owner.accessToken,
      );
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual(['input.documentAssetId']);
      const rows = await t.sql(`SELECT 1 FROM certifications WHERE reference = $1`, [reference]);
      expect(rows).toHaveLength(0);
    }
  });
});

describe('Product.images on a page of products', () => {
  it('costs the same number of SQL queries for 2 products as for 6 (batched loaders)', async () => {
    const { cooperativeId, owner: seller } = await cooperativeWithOwner(t);
    for (let i = 0; i < 6; i++) {
      const images = [await uploaded(seller.accessToken), await uploaded(seller.accessToken)];
      const res = await create(
        seller.accessToken,
        cooperativeId,
        images.map((image) => image.id),
      );
      expect(res.errors).toBeUndefined();
      const published = await t.gql(
        `mutation($id: ID!) { publishProduct(id: $id) { id } }`,
        { id: res.data!.createProduct.id },
        seller.accessToken,
      );
      expect(published.errors).toBeUndefined();
    }
    const PAGE = `query($cooperativeId: ID!, $first: Int) {
      products(filter: { cooperativeId: $cooperativeId }, first: $first) {
        edges { node { id images { id url thumbnailUrl } } } } }`;
    const count = async (first: number) => {
      const res = await t.gql<{ products: { edges: { node: { images: unknown[] } }[] } }>(PAGE, {
        cooperativeId,
        first,
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.products.edges).toHaveLength(first);
      for (const edge of res.data!.products.edges) expect(edge.node.images).toHaveLength(2);
      return Number(res.headers.get('x-sql-queries'));
    };
    const two = await count(2);
    expect(await count(6)).toBe(two);
  });
});

describe('the worker process', () => {
  it('does not serve the asset routes (it only runs jobs)', async () => {
    const worker = await startTestApi({ DATA_DIR: dataDir }, t.databaseUrl, 'worker');
    try {
      const image = await uploaded(owner.accessToken);
      expect((await fetch(`${worker.url}${new URL(image.url).pathname}`)).status).toBe(404);
      const posted = await fetch(`${worker.url}/assets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.accessToken}` },
        body: new FormData(),
      });
      expect(posted.status).toBe(404);
    } finally {
      await worker.close();
    }
  });
});

describe('upload allowance and asset links', () => {
  it('refuses uploads past ASSET_UPLOADS_PER_USER_HOUR with 429 and Retry-After; links start with ASSET_BASE_URL', async () => {
    const limited = await startTestApi(
      { DATA_DIR: dataDir, ASSET_UPLOADS_PER_USER_HOUR: '2', ASSET_BASE_URL: 'https://cdn.taawoun.ma/' },
      t.databaseUrl,
    );
    try {
      const user = await signUp(limited);
      const statuses: number[] = [];
      for (let i = 0; i < 2; i++) {
        const response = await upload(limited, await png(), { token: user.accessToken });
        statuses.push(response.status);
        expect(response.body.url).toMatch(/^https:\/\/cdn\.taawoun\.ma\/assets\/[0-9a-f]{32}$/);
      }
      const before = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM assets WHERE owner_id = $1`, [
        user.id,
      ]);
      const refused = await fetch(`${limited.url}/assets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.accessToken}` },
        body: (() => {
          const form = new FormData();
          form.append('file', new Blob([new Uint8Array(16)]), 'x.png');
          return form;
        })(),
      });
      expect(statuses).toEqual([201, 201]);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(
        ((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
      ).toBe('TOO_MANY_REQUESTS');
      const after = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM assets WHERE owner_id = $1`, [
        user.id,
      ]);
      expect(after[0].n).toBe(before[0].n);
    } finally {
      await limited.close();
    }
  });
});
