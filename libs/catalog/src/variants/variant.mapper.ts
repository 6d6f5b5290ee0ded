import type { VariantOptionValue } from './variant.entity.js';
import type { ProductVariantModel } from './variant.model.js';

/** SELECT list of a variant (alias `v`) for {@link toVariantModel}. */
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

export function toVariantModel(row: VariantRow): ProductVariantModel {
  return {
    id: row.id,
    productId: row.productId,
    cooperativeId: row.cooperativeId,
    sku: row.sku,
    options: row.options.map((o) => ({ name: o.name, value: o.value })),
    price: { amount: row.priceAmount, currency: row.currency },
    stock: row.stock,
    inStock: row.stock > 0,
  };
}
