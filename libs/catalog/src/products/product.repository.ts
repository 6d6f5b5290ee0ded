import { Injectable } from '@nestjs/common';
import { ASSET_COLUMNS, type AssetRow, type AssetVisibility, visibleAssetSql } from '@taawoun/assets';
import { Db, type Actor, type LanguageCode } from '@taawoun/core';
import { binder, productVisibility } from './product-visibility.js';
import type { ProductStatus } from './product-status.js';

/** The product columns every read selects (alias `p`), named for {@link ProductRow}. */
export const PRODUCT_COLUMNS = `p.id, p.slug, p.status, p.default_language AS "defaultLanguage", p.created_at AS "createdAt",
  p.cooperative_id AS "cooperativeId", p.category_code AS "categoryCode",
  p.name_fr AS "nameFr", p.name_ar AS "nameAr", p.name_en AS "nameEn",
  p.description_fr AS "descriptionFr", p.description_ar AS "descriptionAr", p.description_en AS "descriptionEn",
  p.min_price_amount AS "minPriceAmount", p.max_price_amount AS "maxPriceAmount"`;

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
  /** Lowest and highest variant price in centimes, kept on the row by triggers on its variants (0 with none). */
  minPriceAmount: number;
  maxPriceAmount: number;
}

/** What an update needs of the product it locks. */
export interface LockedProductRow {
  cooperativeId: string;
  defaultLanguage: LanguageCode;
  status: ProductStatus;
}

/** The translated texts of a product, in column order (name fr/ar/en, description fr/ar/en). */
export interface ProductTextColumns {
  defaultLanguage: LanguageCode;
  values: (string | null)[];
}

/** A product to insert. */
export interface NewProductRow extends ProductTextColumns {
  cooperativeId: string;
  categoryCode: string;
  slug: string;
}

/** A variant of a {@link BulkProductRow}. */
export interface BulkVariantRow {
  sku: string;
  options: { name: string; value: string }[];
  priceAmount: number;
  stock: number;
}

/**
 * A product written by the bulk path (the bench's generator), complete with its status, dates
 * and variants (listed in position order, at least one). Slugs and SKUs must be free.
 */
export interface BulkProductRow extends Omit<ProductRow, 'id' | 'minPriceAmount' | 'maxPriceAmount'> {
  publishedAt: Date | null;
  variants: BulkVariantRow[];
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
  /**
   * The image assets of products that the caller may see (visibility parameters at $2..$4, see
   * assetVisibility), in each product's order: the link and the assets in one statement.
   */
  imagesByProducts: `SELECT pi.product_id AS "productId", ${ASSET_COLUMNS}
                       FROM product_images pi JOIN assets a ON a.id = pi.asset_id
                      WHERE pi.product_id = ANY($1::uuid[]) AND ${visibleAssetSql('a', 2)}
                      ORDER BY pi.product_id, pi.position`,
  deleteCertifications: `DELETE FROM product_certifications WHERE product_id = $1::uuid`,
  insertCertifications: `INSERT INTO product_certifications (product_id, certification_id)
                         SELECT $1::uuid, unnest($2::uuid[])`,
  /**
   * Products with their variants in one statement, from a JSON array of {@link BulkProductRow}:
   * each product written with its final min/max price (the price trigger then has nothing to
   * update), its search columns filled by the search trigger. Answers the number of variants.
   */
  insertBulk: `WITH input AS (
                 SELECT x.* FROM jsonb_to_recordset($1::jsonb) AS x(
                   "cooperativeId" uuid, "categoryCode" text, slug text, status text, "defaultLanguage" text,
                   "nameFr" text, "nameAr" text, "nameEn" text,
                   "descriptionFr" text, "descriptionAr" text, "descriptionEn" text,
                   "publishedAt" timestamptz, "createdAt" timestamptz, variants jsonb)
               ), inserted AS (
                 INSERT INTO products (cooperative_id, category_code, slug, status, default_language,
                                       name_fr, name_ar, name_en, description_fr, description_ar, description_en,
                                       published_at, created_at, min_price_amount, max_price_amount)
                 SELECT i."cooperativeId", i."categoryCode", i.slug, i.status, i."defaultLanguage",
                        i."nameFr", i."nameAr", i."nameEn", i."descriptionFr", i."descriptionAr", i."descriptionEn",
                        i."publishedAt", i."createdAt",
                        (SELECT min((v->>'priceAmount')::int) FROM jsonb_array_elements(i.variants) v),
                        (SELECT max((v->>'priceAmount')::int) FROM jsonb_array_elements(i.variants) v)
                   FROM input i
                 RETURNING id, cooperative_id, slug)
               INSERT INTO product_variants (product_id, cooperative_id, sku, options, price_amount, stock, position)
               SELECT p.id, p.cooperative_id, v.e->>'sku', v.e->'options', (v.e->>'priceAmount')::int,
                      (v.e->>'stock')::int, v.n - 1
                 FROM inserted p
                 JOIN input i ON i.slug = p.slug
                 CROSS JOIN LATERAL jsonb_array_elements(i.variants) WITH ORDINALITY AS v(e, n)`,
  /** The bulk path: links the products of these slugs to every certification of their cooperative. */
  linkCooperativeCertificationsBulk: `INSERT INTO product_certifications (product_id, certification_id)
      SELECT p.id, ce.id FROM products p JOIN certifications ce ON ce.cooperative_id = p.cooperative_id
       WHERE p.slug = ANY($1::text[])
      ON CONFLICT DO NOTHING`,
  /** The bulk path: images from a JSON array of `{ slug, assetId, position }`. */
  insertImagesBulk: `INSERT INTO product_images (product_id, asset_id, position)
      SELECT p.id, x."assetId", x.position
        FROM jsonb_to_recordset($1::jsonb) AS x(slug text, "assetId" uuid, position smallint)
        JOIN products p ON p.slug = x.slug
      ON CONFLICT DO NOTHING`,
} as const;

/** One image of a product, by asset id (rows come in the product's order). */
/** An image of a product: its asset, with the product it illustrates. */
export interface ProductImageRow extends AssetRow {
  productId: string;
}

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

  async updateTexts(id: string, texts: ProductTextColumns): Promise<void> {
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

  /**
   * The bulk path (the bench's generator): `products` with their variants in one statement,
   * bypassing the service's rules (slugs, SKUs and texts must already be valid and free).
   * Answers the number of variants written. Call it in batches (10,000 products is a few MB).
   */
  insertBulk(products: readonly BulkProductRow[]): Promise<number> {
    return this.db.execute(PRODUCT_SQL.insertBulk, [JSON.stringify(products)]);
  }

  /** The bulk path (the bench's generator); answers the links written. */
  linkCooperativeCertificationsBulk(slugs: readonly string[]): Promise<number> {
    return this.db.execute(PRODUCT_SQL.linkCooperativeCertificationsBulk, [slugs]);
  }

  /** The bulk path (the bench's generator); answers the images written. */
  insertImagesBulk(rows: readonly { slug: string; assetId: string; position: number }[]): Promise<number> {
    return this.db.execute(PRODUCT_SQL.insertImagesBulk, [JSON.stringify(rows)]);
  }

  imagesByProducts(productIds: readonly string[], visibility: AssetVisibility): Promise<ProductImageRow[]> {
    return this.db.query<ProductImageRow>(PRODUCT_SQL.imagesByProducts, [productIds, ...visibility.params]);
  }

  async replaceCertifications(productId: string, certificationIds: readonly string[]): Promise<void> {
    await this.db.query(PRODUCT_SQL.deleteCertifications, [productId]);
    if (certificationIds.length)
      await this.db.query(PRODUCT_SQL.insertCertifications, [productId, certificationIds]);
  }
}
