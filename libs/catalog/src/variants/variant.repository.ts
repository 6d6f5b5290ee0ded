import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import type { LanguageCode } from '@taawoun/core';
import { productVisibility } from '../products/product-visibility.js';
import type { VariantOptionValue } from './variant.entity.js';

/** SELECT list of a variant (alias `v`) for {@link VariantRow}. */
export const VARIANT_COLUMNS = `v.id, v.product_id AS "productId", v.cooperative_id AS "cooperativeId", v.sku,
  v.options, v.price_amount AS "priceAmount", v.currency, v.stock`;

export interface VariantRow {
  id: string;
  productId: string;
  cooperativeId: string;
  sku: string;
  options: VariantOptionValue[];
  priceAmount: number;
  currency: string;
  stock: number;
}

/** A variant to insert. */
export interface NewVariantRow {
  sku: string;
  options: VariantOptionValue[];
  priceAmount: number;
  stock: number;
}

/** An inserted variant. */
export interface InsertedVariantRow {
  id: string;
  sku: string;
  stock: number;
}

/** How many variants a product has, and the position of the next one. */
export interface VariantCountRow {
  count: number;
  next: number;
}

/** A variant anyone may buy now, with what an order snapshots of it. */
export interface PurchasableVariantRow {
  id: string;
  productId: string;
  cooperativeId: string;
  sku: string;
  options: VariantOptionValue[];
  priceAmount: number;
  currency: string;
  stock: number;
  defaultLanguage: LanguageCode;
  nameFr: string | null;
  nameAr: string | null;
  nameEn: string | null;
}

/** What the public may see is what may be bought: the one product visibility rule, for nobody in particular. */
const PURCHASABLE = productVisibility(null, () => {
  throw new Error('the public product visibility binds no parameter');
});

export const VARIANT_SQL = {
  purchasable: `SELECT ${VARIANT_COLUMNS}, p.default_language AS "defaultLanguage", p.name_fr AS "nameFr",
                       p.name_ar AS "nameAr", p.name_en AS "nameEn"
                  FROM product_variants v JOIN products p ON p.id = v.product_id JOIN cooperatives c ON c.id = p.cooperative_id
                 WHERE v.id = ANY($1::uuid[]) AND ${PURCHASABLE}`,
  cooperativeOf: `SELECT cooperative_id AS "cooperativeId" FROM product_variants WHERE id = $1::uuid`,
  byId: `SELECT ${VARIANT_COLUMNS} FROM product_variants v WHERE v.id = $1::uuid`,
  bySku: `SELECT ${VARIANT_COLUMNS} FROM product_variants v WHERE v.cooperative_id = $1::uuid AND v.sku = $2`,
  byIds: `SELECT ${VARIANT_COLUMNS} FROM product_variants v WHERE v.id = ANY($1::uuid[])`,
  byProducts: `SELECT ${VARIANT_COLUMNS} FROM product_variants v WHERE v.product_id = ANY($1::uuid[])
                ORDER BY v.position, v.created_at, v.id`,
  countOfProduct: `SELECT count(*)::int AS count, COALESCE(max(position) + 1, 0)::int AS next
                     FROM product_variants WHERE product_id = $1::uuid`,
  /**
   * Inserts variants in list order from positions $3, $3 + 1...; a SKU the cooperative already
   * has (even one a concurrent transaction just inserted) is skipped: compare the returned SKUs.
   */
  insertMany: `INSERT INTO product_variants (product_id, cooperative_id, sku, options, price_amount, stock, position)
               SELECT $1::uuid, $2::uuid, x.e->>'sku', x.e->'options', (x.e->>'price')::int, (x.e->>'stock')::int, $3::int + x.n - 1
                 FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS x(e, n)
                ORDER BY x.n
               ON CONFLICT ON CONSTRAINT "UQ_product_variants_cooperative_sku" DO NOTHING
               RETURNING id, sku, stock`,
  openingMovements: `INSERT INTO stock_movements (variant_id, delta, resulting_stock, reason, author_id)
                     SELECT r.id, r.stock, r.stock, 'opening stock', $2::uuid
                       FROM unnest($1::uuid[], $3::int[]) AS r(id, stock) WHERE r.stock > 0`,
  /** One statement: lock, set, and record the stock difference against the value it replaced. */
  set: `WITH previous AS (SELECT id, stock FROM product_variants WHERE id = $1::uuid FOR UPDATE),
             updated AS (
               UPDATE product_variants v
                  SET price_amount = COALESCE($2::int, v.price_amount), stock = COALESCE($3::int, v.stock), updated_at = now()
                 FROM previous WHERE v.id = previous.id
               RETURNING v.id, v.stock, previous.stock AS before)
        INSERT INTO stock_movements (variant_id, delta, resulting_stock, reason, author_id)
        SELECT id, stock - before, stock, 'stock set', $4::uuid FROM updated WHERE stock <> before`,
  /** Adds $2 unless the stock would leave [0, $5], writing the movement in the same statement. */
  adjust: `WITH moved AS (
             UPDATE product_variants SET stock = stock + $2::int, updated_at = now()
              WHERE id = $1::uuid AND stock + $2::int >= 0 AND stock + $2::int <= $5::int
             RETURNING id, stock)
           INSERT INTO stock_movements (variant_id, delta, resulting_stock, reason, author_id)
           SELECT id, $2::int, stock, $3::text, $4::uuid FROM moved RETURNING resulting_stock AS stock`,
  stock: `SELECT stock FROM product_variants WHERE id = $1::uuid`,
} as const;

/** Every statement on `product_variants` and `stock_movements` (a movement never without its variant). */
@Injectable()
export class VariantRepository {
  constructor(private readonly db: Db) {}

  async cooperativeOf(id: string): Promise<string | null> {
    const [row] = await this.db.query<{ cooperativeId: string }>(VARIANT_SQL.cooperativeOf, [id]);
    return row?.cooperativeId ?? null;
  }

  /** The variants among `ids` that anyone may buy now (product PUBLISHED, cooperative APPROVED). */
  purchasable(ids: readonly string[]): Promise<PurchasableVariantRow[]> {
    return this.db.query<PurchasableVariantRow>(VARIANT_SQL.purchasable, [ids]);
  }

  async byId(id: string): Promise<VariantRow | null> {
    const [row] = await this.db.query<VariantRow>(VARIANT_SQL.byId, [id]);
    return row ?? null;
  }

  /** The cooperative's variant with this SKU (unique per cooperative), if any. */
  async bySku(cooperativeId: string, sku: string): Promise<VariantRow | null> {
    const [row] = await this.db.query<VariantRow>(VARIANT_SQL.bySku, [cooperativeId, sku]);
    return row ?? null;
  }

  byIds(ids: readonly string[]): Promise<VariantRow[]> {
    return this.db.query<VariantRow>(VARIANT_SQL.byIds, [ids]);
  }

  /** The variants of these products, each product's in position order. */
  byProducts(productIds: readonly string[]): Promise<VariantRow[]> {
    return this.db.query<VariantRow>(VARIANT_SQL.byProducts, [productIds]);
  }

  async countOfProduct(productId: string): Promise<VariantCountRow> {
    const [row] = await this.db.query<VariantCountRow>(VARIANT_SQL.countOfProduct, [productId]);
    return row;
  }

  /** Inserts the variants whose SKU is free in the cooperative; answers those inserted. */
  insertMany(
    productId: string,
    cooperativeId: string,
    firstPosition: number,
    variants: readonly NewVariantRow[],
  ): Promise<InsertedVariantRow[]> {
    const elements = variants.map((v) => ({
      sku: v.sku,
      options: v.options,
      price: v.priceAmount,
      stock: v.stock,
    }));
    return this.db.query<InsertedVariantRow>(VARIANT_SQL.insertMany, [
      productId,
      cooperativeId,
      firstPosition,
      JSON.stringify(elements),
    ]);
  }

  /** The "opening stock" movement of each new variant with stock. */
  async recordOpeningStock(variants: readonly InsertedVariantRow[], authorId: string): Promise<void> {
    await this.db.query(VARIANT_SQL.openingMovements, [
      variants.map((v) => v.id),
      authorId,
      variants.map((v) => v.stock),
    ]);
  }

  /** Sets the price and/or the stock (null keeps it); a stock change is recorded as a movement. */
  async set(id: string, priceAmount: number | null, stock: number | null, authorId: string): Promise<void> {
    await this.db.query(VARIANT_SQL.set, [id, priceAmount, stock, authorId]);
  }

  /** Adds `delta` within [0, max] with its movement; the resulting stock, or null when out of bounds. */
  async adjust(
    id: string,
    delta: number,
    reason: string,
    authorId: string,
    max: number,
  ): Promise<number | null> {
    const [row] = await this.db.query<{ stock: number }>(VARIANT_SQL.adjust, [
      id,
      delta,
      reason,
      authorId,
      max,
    ]);
    return row?.stock ?? null;
  }

  async stock(id: string): Promise<number | null> {
    const [row] = await this.db.query<{ stock: number }>(VARIANT_SQL.stock, [id]);
    return row?.stock ?? null;
  }
}
