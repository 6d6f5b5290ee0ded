import { randomBytes } from 'node:crypto';
import type { CertificationData } from '../../apps/cli/src/import/demo-data.js';
import { type insertCooperative, signUp, type TestUser } from './actors.js';
import { newCertification, newCooperative } from './factories.js';
import type { TestApi } from './test-api.js';

/** A cooperative (APPROVED unless told) with an OWNER signed up over HTTP. */
export async function cooperativeWithOwner(
  t: TestApi,
  options: Parameters<typeof insertCooperative>[1] = {},
): Promise<{ cooperativeId: string; owner: TestUser }> {
  const owner = await signUp(t);
  const { id: cooperativeId } = await newCooperative(t, { ...options, ownerId: owner.id });
  return { cooperativeId, owner };
}

export interface ProductSpec {
  categoryCode?: string;
  translations?: { languageCode: 'fr' | 'ar' | 'en'; name: string; description?: string | null }[];
  variants?: {
    sku?: string;
    options?: { name: string; value: string }[];
    priceAmount?: number;
    stock?: number;
  }[];
  certificationIds?: string[];
  publish?: boolean;
}

export function uniqueSku(prefix = 'SKU'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** The createProduct input for a spec, with sensible defaults (honey, one 500g jar). */
export function productInput(cooperativeId: string, spec: ProductSpec = {}): Record<string, unknown> {
  return {
    cooperativeId,
    categoryCode: spec.categoryCode ?? 'honey',
    translations: spec.translations ?? [
      { languageCode: 'fr', name: `Miel ${randomBytes(3).toString('hex')}`, description: 'Miel de la ruche' },
    ],
    variants: (spec.variants ?? [{}]).map((v) => ({
      sku: v.sku ?? uniqueSku(),
      options: v.options ?? [{ name: 'poids', value: '500g' }],
      priceAmount: v.priceAmount ?? 8000,
      stock: v.stock ?? 10,
    })),
    certificationIds: spec.certificationIds ?? [],
  };
}

/** Creates (and by default publishes) a product over HTTP; returns its id and variant ids. */
export async function createProduct(
  t: TestApi,
  token: string,
  cooperativeId: string,
  spec: ProductSpec = {},
): Promise<{ id: string; slug: string; variantIds: string[] }> {
  const res = await t.gql<{ createProduct: { id: string; slug: string; variants: { id: string }[] } }>(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { id slug variants { id } } }`,
    { input: productInput(cooperativeId, spec) },
    token,
  );
  if (!res.data) throw new Error(`createProduct failed: ${JSON.stringify(res.errors)}`);
  const product = res.data.createProduct;
  if (spec.publish !== false) {
    const published = await t.gql(
      `mutation($id: ID!) { publishProduct(id: $id) { id } }`,
      { id: product.id },
      token,
    );
    if (published.errors) throw new Error(`publishProduct failed: ${JSON.stringify(published.errors)}`);
  }
  return { id: product.id, slug: product.slug, variantIds: product.variants.map((v) => v.id) };
}

/** A certification added and (by default) verified through the services; returns its id. */
export async function insertCertification(
  t: TestApi,
  cooperativeId: string,
  options: { type?: string; verified?: boolean; expiresOn?: string | null; issuedOn?: string } = {},
): Promise<string> {
  return newCertification(t, cooperativeId, {
    ...options,
    type: options.type as CertificationData['type'] | undefined,
  });
}

/** An ISO date `days` from today in Morocco (the platform's "today" for certificates). */
export async function moroccoDate(t: TestApi, days: number): Promise<string> {
  const [row] = await t.sql<{ d: string }>(
    `SELECT ((now() AT TIME ZONE 'Africa/Casablanca')::date + $1::int)::text AS d`,
    [days],
  );
  return row.d;
}
