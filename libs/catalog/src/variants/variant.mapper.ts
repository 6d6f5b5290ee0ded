import type { ProductVariantModel } from './variant.model.js';
import type { VariantRow } from './variant.repository.js';

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
