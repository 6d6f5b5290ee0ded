import { Injectable } from '@nestjs/common';
import { Db, type Actor, type LanguageCode } from '@taawoun/core';
import { binder, productVisibility } from './product-visibility.js';
import type { ProductStatus } from './product-status.js';

/** The product columns every read selects (alias `p`), named for {@link ProductRow}. */
export const PRODUCT_COLUMNS = `p.id, p.slug, p.status, p.default_language AS "defaultLanguage", p.created_at AS "createdAt",
  p.cooperative_id AS "cooperativeId", p.category_code AS "categoryCode",
  p.name_fr AS "nameFr", p.name_ar AS "nameAr", p.name_en AS "nameEn",
  p.description_fr AS "descriptionFr", p.description_ar AS "descriptionAr", p.description_en AS "descriptionEn"`;

/** A product as read by every statement selecting {@link PRODUCT_COLUMNS}. */
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

/** What an update needs of the product it locks. */
export interface LockedProductRow {
  cooperativeId: string;
  defaultLanguage: LanguageCode;
  status: ProductStatus;
}

/** The translated texts of a product, in column order (name fr/ar/en, description fr/ar/en). */
export interface ProductTexts {
  defaultLanguage: LanguageCode;
  values: (string | null)[];
}

/** A product to insert. */
export interface NewProductRow extends ProductTexts {
  cooperativeId: string;
  categoryCode: string;
  slug: string;
}

export const PRODUCT_SQL = {
  cooperativeOf: `SELECT cooperative_id AS "cooperativeId" FROM products WHERE id = $1::uuid`,
  lockCooperativeOf: `SELECT cooperative_id AS "cooperativeId" FROM products WHERE id = $1::uuid FOR UPDATE`,
  lock: `SELECT cooperative_id AS "cooperativeId", default_language AS "defaultLanguage", status
           FROM products WHERE id = $1::uuid FOR UPDATE`,
  byId: `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = $1::uuid`,
  byIds: `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = ANY($1::uuid[])`,
  status: `SELECT status FROM products WHERE id = $1::uuid`,
  insert: `INSERT INTO products (cooperative_id, category_code, slug, default_language,
                                 name_fr, name_ar, name_en, description_fr, description_ar, description_en)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (slug) DO NOTHING RETURNING id`,
  updateTexts: `UPDATE products SET default_language = $2, name_fr = $3, name_ar = $4, name_en = $5,
                       description_fr = $6, description_ar = $7, description_en = $8, updated_at = now()
                 WHERE id = $1::uuid`,
  updateCategory: `UPDATE products SET category_code = $2, updated_at = now() WHERE id = $1::uuid`,
  /** A conditional move: the states it may come from are checked in the same statement. */
  move: `UPDATE products SET status = $2::varchar, updated_at = now(),
                published_at = CASE WHEN $2::varchar = 'PUBLISHED' THEN now() ELSE published_at END
          WHERE id = $1::uuid AND status = ANY($3::varchar[]) RETURNING id`,
  deleteImages: `DELETE FROM product_images WHERE product_id = $1::uuid`,
  insertImages: `INSERT INTO product_images (product_id, asset_id, position)
                 SELECT $1::uuid, a.id, a.n - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS a(id, n)`,
  deleteCertifications: `DELETE FROM product_certifications WHERE product_id = $1::uuid`,
  insertCertifications: `INSERT INTO product_certifications (product_id, certification_id)
                         SELECT $1::uuid, unnest($2::uuid[])`,
} as const;

/** Every statement on `products` and its link tables (`product_images`, `product_certifications`). */
@Injectable()
export class ProductRepository {
  constructor(private readonly db: Db) {}

  async cooperativeOf(id: string): Promise<string | null> {
    const [row] = await this.db.query<{ cooperativeId: string }>(PRODUCT_SQL.cooperativeOf, [id]);
    return row?.cooperativeId ?? null;
  }

  /** Locks the product row (serialising its variant additions); its cooperative, or null. */
  async lockCooperativeOf(id: string): Promise<string | null> {
    const [row] = await this.db.query<{ cooperativeId: string }>(PRODUCT_SQL.lockCooperativeOf, [id]);
    return row?.cooperativeId ?? null;
  }

  async lock(id: string): Promise<LockedProductRow | null> {
    const [row] = await this.db.query<LockedProductRow>(PRODUCT_SQL.lock, [id]);
    return row ?? null;
  }

  async byId(id: string): Promise<ProductRow | null> {
    const [row] = await this.db.query<ProductRow>(PRODUCT_SQL.byId, [id]);
    return row ?? null;
  }

  byIds(ids: readonly string[]): Promise<ProductRow[]> {
    return this.db.query<ProductRow>(PRODUCT_SQL.byIds, [ids]);
  }

  /** A product by id or slug if `actor` may see it ({@link productVisibility}), else null. */
  async findVisible(
    actor: Actor | null | undefined,
    key: { id: string } | { slug: string },
  ): Promise<ProductRow | null> {
    const params: unknown[] = [];
    const bind = binder(params);
    const match = 'id' in key ? `p.id = ${bind(key.id)}::uuid` : `p.slug = ${bind(key.slug)}`;
    const [row] = await this.db.query<ProductRow>(
      `SELECT ${PRODUCT_COLUMNS}
         FROM products p JOIN cooperatives c ON c.id = p.cooperative_id
        WHERE ${match} AND ${productVisibility(actor, bind)}`,
      params,
    );
    return row ?? null;
  }

  async status(id: string): Promise<ProductStatus | null> {
    const [row] = await this.db.query<{ status: ProductStatus }>(PRODUCT_SQL.status, [id]);
    return row?.status ?? null;
  }

  /** Inserts unless the slug is taken (then null: the transaction stays usable). */
  async insert(product: NewProductRow): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }>(PRODUCT_SQL.insert, [
      product.cooperativeId,
      product.categoryCode,
      product.slug,
      product.defaultLanguage,
      ...product.values,
    ]);
    return row?.id ?? null;
  }

  async updateTexts(id: string, texts: ProductTexts): Promise<void> {
    await this.db.query(PRODUCT_SQL.updateTexts, [id, texts.defaultLanguage, ...texts.values]);
  }

  async updateCategory(id: string, categoryCode: string): Promise<void> {
    await this.db.query(PRODUCT_SQL.updateCategory, [id, categoryCode]);
  }

  /** Moves the product to `to` if its status is one of `from`; whether it moved. */
  async move(id: string, to: ProductStatus, from: readonly ProductStatus[]): Promise<boolean> {
    const moved = await this.db.query<{ id: string }>(PRODUCT_SQL.move, [id, to, from]);
    return moved.length > 0;
  }

  async replaceImages(productId: string, assetIds: readonly string[]): Promise<void> {
    await this.db.query(PRODUCT_SQL.deleteImages, [productId]);
    if (assetIds.length) await this.db.query(PRODUCT_SQL.insertImages, [productId, assetIds]);
  }

  async replaceCertifications(productId: string, certificationIds: readonly string[]): Promise<void> {
    await this.db.query(PRODUCT_SQL.deleteCertifications, [productId]);
    if (certificationIds.length)
      await this.db.query(PRODUCT_SQL.insertCertifications, [productId, certificationIds]);
  }
}
