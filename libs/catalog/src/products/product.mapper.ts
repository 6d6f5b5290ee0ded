import { money } from '@taawoun/core';
import type { ProductModel } from './product.model.js';
import type { ProductRow } from './product.repository.js';

export function toProductModel(row: ProductRow): ProductModel {
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    defaultLanguage: row.defaultLanguage,
    createdAt: row.createdAt,
    cooperativeId: row.cooperativeId,
    categoryCode: row.categoryCode,
    // Both 0 for a product without variants.
    priceRange: { min: money(row.minPriceAmount), max: money(row.maxPriceAmount) },
    texts: {
      name: { fr: row.nameFr, ar: row.nameAr, en: row.nameEn },
      description: { fr: row.descriptionFr, ar: row.descriptionAr, en: row.descriptionEn },
    },
  };
}
