import { Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  Db,
  isUuid,
  pickLanguage,
  type LanguageCode,
  NotFoundError,
  OutOfStockError,
  requireUuid,
  type RequestContext,
} from '@taawoun/core';
import { CatalogAccess } from '../catalog-access.js';
import { MAX_VARIANTS } from '../products/product.input.js';
import { MAX_STOCK, type VariantInput } from './variant.input.js';
import { ProductRepository } from '../products/product.repository.js';
import { toVariantModel } from './variant.mapper.js';
import { VariantRepository } from './variant.repository.js';
import type { ProductVariantModel } from './variant.model.js';

/** A variant that may be bought now, as {@link VariantService.purchasable} answers it. */
export interface PurchasableVariant {
  id: string;
  productId: string;
  cooperativeId: string;
  sku: string;
  priceAmount: number;
  currency: string;
  stock: number;
  /** The product's name in the asked language, else in its default language. */
  productName: string;
}

/**
 * Variants and their stock. Every stock change is one conditional UPDATE (never below zero,
 * never lost under concurrency) and writes its stock movement in the same statement.
 */
@Injectable()
export class VariantService {
  constructor(
    private readonly db: Db,
    private readonly variants: VariantRepository,
    private readonly products: ProductRepository,
    private readonly access: CatalogAccess,
  ) {}

  cooperativeOf(id: string): Promise<string | null> {
    return this.variants.cooperativeOf(id);
  }

  /**
   * The variants among `ids` that anyone may buy now (product PUBLISHED, cooperative APPROVED),
   * with their current price and the product name in `language` (else the product's default);
   * one statement. Ids that are not UUIDs are simply not purchasable.
   */
  async purchasable(ids: readonly string[], language?: LanguageCode | null): Promise<PurchasableVariant[]> {
    const valid = [...new Set(ids.filter((id) => isUuid(id)))];
    if (valid.length === 0) return [];
    const rows = await this.variants.purchasable(valid);
    return rows.map((r) => ({
      id: r.id,
      productId: r.productId,
      cooperativeId: r.cooperativeId,
      sku: r.sku,
      priceAmount: r.priceAmount,
      currency: r.currency,
      stock: r.stock,
      productName: pickLanguage({ fr: r.nameFr, ar: r.nameAr, en: r.nameEn }, language, r.defaultLanguage),
    }));
  }

  async get(id: string): Promise<ProductVariantModel> {
    const row = await this.variants.byId(id);
    if (!row) throw new NotFoundError('ProductVariant', id);
    return toVariantModel(row);
  }

  /**
   * Inserts variants of a product (inside the caller's transaction), with their opening stock
   * movements. SKUs must be unique in the cooperative: the insert skips a SKU already there (or
   * inserted by a concurrent transaction, which it waits for), and the first skipped one is
   * reported on its field (`<field>.<index>.sku`), the transaction rolled back by the error.
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
    const rows = await this.variants.insertMany(
      productId,
      cooperativeId,
      firstPosition,
      variants.map((v) => ({
        sku: v.sku,
        options: v.options.map((o) => ({ name: o.name.trim(), value: o.value.trim() })),
        priceAmount: v.priceAmount,
        stock: v.stock,
      })),
    );
    const inserted = new Set(rows.map((r) => r.sku));
    const taken = skus.findIndex((sku) => !inserted.has(sku));
    if (taken >= 0)
      throw BadUserInputError.field(
        `${field}.${taken}.sku`,
        `SKU ${skus[taken]} is already used in this cooperative`,
      );
    await this.variants.recordOpeningStock(rows, authorId);
    const ids = new Map(rows.map((r) => [r.sku, r.id]));
    return skus.map((sku) => ids.get(sku)!);
  }

  async add(rc: RequestContext, productId: string, input: VariantInput): Promise<ProductVariantModel> {
    const actor = rc.requireActor();
    requireUuid(productId, 'Product');
    return this.db.transaction(async () => {
      // The product row lock serialises variant additions, so the cap of 100 holds under races.
      // The count is a separate statement: a subquery of the locking one would read the
      // snapshot taken before the lock was granted and miss the variant added meanwhile.
      const cooperativeId = await this.products.lockCooperativeOf(productId);
      if (!cooperativeId) throw new NotFoundError('Product', productId);
      const { count, next } = await this.variants.countOfProduct(productId);
      await this.access.assertApproved(cooperativeId);
      if (count >= MAX_VARIANTS)
        throw BadUserInputError.field('productId', `a product has at most ${MAX_VARIANTS} variants`);
      const [id] = await this.insertMany(productId, cooperativeId, [input], actor.userId, 'variants', next);
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
      const cooperativeId = await this.variants.cooperativeOf(id);
      if (!cooperativeId) throw new NotFoundError('ProductVariant', id);
      await this.access.assertApproved(cooperativeId);
      await this.variants.set(id, priceAmount ?? null, stock ?? null, actor.userId);
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
      const cooperativeId = await this.variants.cooperativeOf(variantId);
      if (!cooperativeId) throw new NotFoundError('ProductVariant', variantId);
      await this.access.assertApproved(cooperativeId);
      const moved = await this.variants.adjust(variantId, delta, reason.trim(), actor.userId, MAX_STOCK);
      if (moved === null) {
        const stock = (await this.variants.stock(variantId)) ?? 0;
        if (stock + delta > MAX_STOCK)
          throw BadUserInputError.field('delta', `stock would exceed ${MAX_STOCK} units`);
        throw new OutOfStockError(`Only ${stock} in stock: cannot remove ${-delta}`, {
          variantId,
          stock,
          delta,
        });
      }
      return this.get(variantId);
    });
  }
}
