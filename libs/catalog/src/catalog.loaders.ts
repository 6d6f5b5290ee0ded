import { Injectable } from '@nestjs/common';
import { Db, manyByKey, oneByKey, type RequestContext } from '@taawoun/core';
import type { CategoryModel } from './categories/category.model.js';
import { validCertificationSql } from './catalog-sql.js';
import type { CertificationModel } from './certifications/certification.model.js';
import { PRODUCT_COLUMNS, toProductModel, type ProductRow } from './products/product.mapper.js';
import type { ProductModel } from './products/product.model.js';
import { toVariantModel, VARIANT_COLUMNS, type VariantRow } from './variants/variant.mapper.js';
import type { ProductVariantModel } from './variants/variant.model.js';

/** SELECT list of a certification (alias `ce`) as {@link CertificationModel}. */
export const CERTIFICATION_COLUMNS = `ce.id, ce.type, ce.reference, ce.issued_on::text AS "issuedOn",
  ce.expires_on::text AS "expiresOn", ce.verified, ${validCertificationSql('ce')} AS valid, ce.cooperative_id AS "cooperativeId"`;

/**
 * The catalog's per-request DataLoaders: one query per relation for a whole page, whatever
 * its size. Visibility is decided by whoever hands out the parent (a product already shown).
 */
@Injectable()
export class CatalogLoaders {
  constructor(private readonly db: Db) {}

  category(rc: RequestContext, code: string): Promise<CategoryModel | null> {
    return rc.loaders
      .get<string, CategoryModel | null>('catalog.categoryByCode', async (codes) => {
        const rows = await this.db.query<CategoryModel>(
          `SELECT code, parent_code AS "parentCode", name_fr AS "nameFr", name_ar AS "nameAr", name_en AS "nameEn"
             FROM categories WHERE code = ANY($1)`,
          [codes],
        );
        return oneByKey(codes, rows, (r) => r.code);
      })
      .load(code);
  }

  /** A product by id, whatever its status (callers decide visibility). */
  product(rc: RequestContext, id: string): Promise<ProductModel | null> {
    return rc.loaders
      .get<string, ProductModel | null>('catalog.productById', async (ids) => {
        const rows = await this.db.query<ProductRow>(
          `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = ANY($1::uuid[])`,
          [ids],
        );
        return oneByKey(ids, rows.map(toProductModel), (p) => p.id);
      })
      .load(id);
  }

  variants(rc: RequestContext, productId: string): Promise<ProductVariantModel[]> {
    return rc.loaders
      .get<string, ProductVariantModel[]>('catalog.variantsByProduct', async (ids) => {
        const rows = await this.db.query<VariantRow>(
          `SELECT ${VARIANT_COLUMNS} FROM product_variants v WHERE v.product_id = ANY($1::uuid[])
            ORDER BY v.position, v.created_at, v.id`,
          [ids],
        );
        return manyByKey(ids, rows.map(toVariantModel), (v) => v.productId);
      })
      .load(productId);
  }

  certifications(rc: RequestContext, productId: string): Promise<CertificationModel[]> {
    return rc.loaders
      .get<string, (CertificationModel & { productId: string })[]>(
        'catalog.certificationsByProduct',
        async (ids) => {
          const rows = await this.db.query<CertificationModel & { productId: string }>(
            `SELECT pc.product_id AS "productId", ${CERTIFICATION_COLUMNS}
               FROM product_certifications pc JOIN certifications ce ON ce.id = pc.certification_id
              WHERE pc.product_id = ANY($1::uuid[])
              ORDER BY ce.type, ce.issued_on, ce.id`,
            [ids],
          );
          return manyByKey(ids, rows, (r) => r.productId);
        },
      )
      .load(productId);
  }
}
