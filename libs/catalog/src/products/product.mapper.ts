import type { LanguageCode } from '@taawoun/core';
import type { ProductModel } from './product.model.js';
import type { ProductStatus } from './product-status.js';

/** The product columns every read selects (alias `p`), named for {@link toProductModel}. */
export const PRODUCT_COLUMNS = `p.id, p.slug, p.status, p.default_language AS "defaultLanguage", p.created_at AS "createdAt",
  p.cooperative_id AS "cooperativeId", p.category_code AS "categoryCode",
  p.name_fr AS "nameFr", p.name_ar AS "nameAr", p.name_en AS "nameEn",
  p.description_fr AS "descriptionFr", p.description_ar AS "descriptionAr", p.description_en AS "descriptionEn"`;

export interface ProductRow {
  id: string;
  slug: string;
  status: ProductStatus;
  defaultLanguage: LanguageCode;
  createdAt: Date;
  cooperativeId: string;
  categoryCode: string;
  nameFr: string | null;
  nameAr: string | null;
  nameEn: string | null;
  descriptionFr: string | null;
  descriptionAr: string | null;
  descriptionEn: string | null;
}

export function toProductModel(row: ProductRow): ProductModel {
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    defaultLanguage: row.defaultLanguage,
    createdAt: row.createdAt,
    cooperativeId: row.cooperativeId,
    categoryCode: row.categoryCode,
    texts: {
      name: { fr: row.nameFr, ar: row.nameAr, en: row.nameEn },
      description: { fr: row.descriptionFr, ar: row.descriptionAr, en: row.descriptionEn },
    },
  };
}
