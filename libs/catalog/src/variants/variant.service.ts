import { Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  Db,
  NotFoundError,
  OutOfStockError,
  requireUuid,
  type RequestContext,
  pgError,
} from '@taawoun/core';
import { CatalogAccess } from '../catalog-access.js';
import { MAX_VARIANTS } from '../products/product.input.js';
import { MAX_STOCK, type VariantInput } from './variant.input.js';
import { toVariantModel, VARIANT_COLUMNS, type VariantRow } from './variant.mapper.js';
import type { ProductVariantModel } from './variant.model.js';

const SKU_CONSTRAINT = 'UQ_product_variants_cooperative_sku';

/**
 * Variants and their stock. Every stock change is one conditional UPDATE (never below zero,
 * never lost under concurrency) and writes its stock movement in the same statement.
 */
@Injectable()
export class VariantService {
  constructor(
    private readonly db: Db,
    private readonly access: CatalogAccess,
  ) {}

  async cooperativeOf(id: string): Promise<string | null> {
    const [row] = await this.db.query<{ cooperativeId: string }>(
      `SELECT cooperative_id AS "cooperativeId" FROM product_variants WHERE id = $1`,
      [id],
    );
    return row?.cooperativeId ?? null;
  }

  async get(id: string): Promise<ProductVariantModel> {
    const [row] = await this.db.query<VariantRow>(
      `SELECT ${VARIANT_COLUMNS} FROM product_variants v WHERE v.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('ProductVariant', id);
    return toVariantModel(row);
  }

  /**
   * Inserts variants of a product (inside the caller's transaction), with their opening stock
   * movements. SKUs must be unique in the cooperative: checked first for a precise field, and
   * by the unique constraint for races.
   */
  async insertMany(
    productId: string,
    cooperativeId: string,
    variants: readonly VariantInput[],
    authorId: string,
    field: string,
    firstPosition = 0,
  ): Promise<string[]> {
    const skus = variants.map((v) => v.sku);
    skus.forEach((sku, i) => {
      if (skus.indexOf(sku) !== i)
        throw BadUserInputError.field(`${field}.${i}.sku`, `SKU ${sku} is given twice`);
    });
    const taken = await this.db.query<{ sku: string }>(
      `SELECT sku FROM product_variants WHERE cooperative_id = $1 AND sku = ANY($2)`,
      [cooperativeId, skus],
    );
    if (taken.length) {
      const i = skus.indexOf(taken[0].sku);
      throw BadUserInputError.field(
        `${field}.${i}.sku`,
        `SKU ${taken[0].sku} is already used in this cooperative`,
      );
    }
    try {
      const rows = await this.db.query<{ id: string; stock: number }>(
        `INSERT INTO product_variants (product_id, cooperative_id, sku, options, price_amount, stock, position)
         SELECT $1, $2, x.e->>'sku', x.e->'options', (x.e->>'price')::int, (x.e->>'stock')::int, $3 + x.n - 1
           FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS x(e, n)
         ORDER BY x.n
         RETURNING id, stock`,
        [
          productId,
          cooperativeId,
          firstPosition,
          JSON.stringify(
            variants.map((v) => ({
              sku: v.sku,
              options: v.options.map((o) => ({ name: o.name.trim(), value: o.value.trim() })),
              price: v.priceAmount,
              stock: v.stock,
            })),
          ),
        ],
      );
      await this.db.query(
        `INSERT INTO stock_movements (variant_id, delta, resulting_stock, reason, author_id)
         SELECT r.id, r.stock, r.stock, 'opening stock', $2 FROM unnest($1::uuid[], $3::int[]) AS r(id, stock) WHERE r.stock > 0`,
        [rows.map((r) => r.id), authorId, rows.map((r) => r.stock)],
      );
      return rows.map((r) => r.id);
    } catch (error) {
      const e = pgError(error);
      if (e.code === '23505' && e.constraint === SKU_CONSTRAINT) {
        const sku = /=\([^,]+, (.+)\) already exists/.exec(e.detail ?? '')?.[1];
        const i = sku ? skus.indexOf(sku) : -1;
        throw BadUserInputError.field(
          i >= 0 ? `${field}.${i}.sku` : field,
          `SKU ${sku ?? ''} is already used in this cooperative`.replace('  ', ' '),
        );
      }
      throw error;
    }
  }

  async add(rc: RequestContext, productId: string, input: VariantInput): Promise<ProductVariantModel> {
    const actor = rc.requireActor();
    requireUuid(productId, 'Product');
    return this.db.transaction(async () => {
      // The product row lock serialises variant additions, so the cap of 100 holds under races.
      // The count is a separate statement: a subquery of the locking one would read the
      // snapshot taken before the lock was granted and miss the variant added meanwhile.
      const [locked] = await this.db.query<{ cooperativeId: string }>(
        `SELECT cooperative_id AS "cooperativeId" FROM products WHERE id = $1 FOR UPDATE`,
        [productId],
      );
      const [product] = locked
        ? await this.db.query<{ cooperativeId: string; count: number; next: number }>(
            `SELECT $2::uuid AS "cooperativeId", count(*)::int AS count, COALESCE(max(position) + 1, 0)::int AS next
               FROM product_variants WHERE product_id = $1`,
            [productId, locked.cooperativeId],
          )
        : [];
      if (!product) throw new NotFoundError('Product', productId);
      await this.access.assertApproved(product.cooperativeId);
      if (product.count >= MAX_VARIANTS)
        throw BadUserInputError.field('productId', `a product has at most ${MAX_VARIANTS} variants`);
      const [id] = await this.wrapField(() =>
        this.insertMany(
          productId,
          product.cooperativeId,
          [input],
          actor.userId,
          'input.variants',
          product.next,
        ),
      );
      return this.get(id);
    });
  }

  /** Sets the price and/or the stock; a stock change is recorded as a movement. */
  async update(
    rc: RequestContext,
    id: string,
    priceAmount: number | null | undefined,
    stock: number | null | undefined,
  ): Promise<ProductVariantModel> {
    const actor = rc.requireActor();
    requireUuid(id, 'ProductVariant');
    return this.db.transaction(async () => {
      const cooperativeId = await this.cooperativeOf(id);
      if (!cooperativeId) throw new NotFoundError('ProductVariant', id);
      await this.access.assertApproved(cooperativeId);
      // One statement: lock, set, and record the difference against the value it replaced.
      await this.db.query(
        `WITH previous AS (SELECT id, stock FROM product_variants WHERE id = $1 FOR UPDATE),
              updated AS (
                UPDATE product_variants v
                   SET price_amount = COALESCE($2, v.price_amount), stock = COALESCE($3, v.stock), updated_at = now()
                  FROM previous WHERE v.id = previous.id
                RETURNING v.id, v.stock, previous.stock AS before)
         INSERT INTO stock_movements (variant_id, delta, resulting_stock, reason, author_id)
         SELECT id, stock - before, stock, 'stock set', $4 FROM updated WHERE stock <> before`,
        [id, priceAmount ?? null, stock ?? null, actor.userId],
      );
      return this.get(id);
    });
  }

  /**
   * Adds `delta` (negative to remove) in one conditional UPDATE that also writes the movement:
   * concurrent adjustments serialise on the row and none is lost. Below zero → OUT_OF_STOCK.
   */
  async adjust(
    rc: RequestContext,
    variantId: string,
    delta: number,
    reason: string,
  ): Promise<ProductVariantModel> {
    const actor = rc.requireActor();
    requireUuid(variantId, 'ProductVariant');
    return this.db.transaction(async () => {
      const cooperativeId = await this.cooperativeOf(variantId);
      if (!cooperativeId) throw new NotFoundError('ProductVariant', variantId);
      await this.access.assertApproved(cooperativeId);
      const moved = await this.db.query<{ stock: number }>(
        `WITH moved AS (
           UPDATE product_variants SET stock = stock + $2, updated_at = now()
            WHERE id = $1 AND stock + $2 >= 0 AND stock + $2 <= $5
           RETURNING id, stock)
         INSERT INTO stock_movements (variant_id, delta, resulting_stock, reason, author_id)
         SELECT id, $2, stock, $3, $4 FROM moved RETURNING resulting_stock AS stock`,
        [variantId, delta, reason.trim(), actor.userId, MAX_STOCK],
      );
      if (moved.length === 0) {
        const [row] = await this.db.query<{ stock: number }>(
          `SELECT stock FROM product_variants WHERE id = $1`,
          [variantId],
        );
        if (row && row.stock + delta > MAX_STOCK)
          throw BadUserInputError.field('delta', `stock would exceed ${MAX_STOCK} units`);
        throw new OutOfStockError(`Only ${row?.stock ?? 0} in stock: cannot remove ${-delta}`, {
          variantId,
          stock: row?.stock ?? 0,
          delta,
        });
      }
      return this.get(variantId);
    });
  }

  /** addVariant's only variant is `input`, not `input.variants.0`: rename the field of an error. */
  private async wrapField<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof BadUserInputError)
        throw new BadUserInputError(
          error.fields.map((f) => ({ ...f, field: f.field.replace(/^input\.variants(\.0)?/, 'input') })),
        );
      throw error;
    }
  }
}
