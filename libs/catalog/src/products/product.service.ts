import { Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  Db,
  insertWithFreeSlug,
  InvalidStateTransitionError,
  isAdmin,
  isUuid,
  LanguageCode,
  NotFoundError,
  requireUuid,
  slugify,
  type FieldProblem,
  type RequestContext,
  memberCooperativeIds,
} from '@taawoun/core';
import { CatalogAccess } from '../catalog-access.js';
import { PUBLIC_PRODUCT_SQL } from '../catalog-sql.js';
import { VariantService } from '../variants/variant.service.js';
import type { CreateProductInput, TranslationInput, UpdateProductInput } from './product.input.js';
import { PRODUCT_COLUMNS, toProductModel, type ProductRow } from './product.mapper.js';
import type { ProductModel } from './product.model.js';
import { PRODUCT_TRANSITIONS, ProductStatus } from './product-status.js';

interface TranslationColumns {
  defaultLanguage: LanguageCode;
  values: (string | null)[];
}

/** Products: creation, edits, the DRAFT → PUBLISHED → ARCHIVED life cycle and single reads. */
@Injectable()
export class ProductService {
  constructor(
    private readonly db: Db,
    private readonly access: CatalogAccess,
    private readonly variants: VariantService,
  ) {}

  /** The cooperative owning a product (for the policy guard), or null. */
  async cooperativeOf(id: string): Promise<string | null> {
    const [row] = await this.db.query<{ cooperativeId: string }>(
      `SELECT cooperative_id AS "cooperativeId" FROM products WHERE id = $1`,
      [id],
    );
    return row?.cooperativeId ?? null;
  }

  /**
   * A product by id or slug when the caller may see it: anyone for a PUBLISHED product of an
   * APPROVED cooperative, its members and admins in any state; null otherwise.
   */
  async find(rc: RequestContext, id?: string | null, slug?: string | null): Promise<ProductModel | null> {
    if ((id == null) === (slug == null)) throw BadUserInputError.field('id', 'give either id or slug');
    if (id != null && !isUuid(id)) return null;
    // Visibility is part of the query: public products, or any product of the caller's own
    // cooperatives, or every product for admins.
    const [row] = await this.db.query<ProductRow>(
      `SELECT ${PRODUCT_COLUMNS}
         FROM products p JOIN cooperatives c ON c.id = p.cooperative_id
        WHERE ${id != null ? 'p.id = $1::uuid' : 'p.slug = $1'}
          AND (${PUBLIC_PRODUCT_SQL} OR $2::boolean OR p.cooperative_id = ANY($3::uuid[]))`,
      [id ?? slug, isAdmin(rc.actor), memberCooperativeIds(rc.actor)],
    );
    return row ? toProductModel(row) : null;
  }

  async create(rc: RequestContext, input: CreateProductInput): Promise<ProductModel> {
    const actor = rc.requireActor();
    const texts = translationColumns(input.translations, input.defaultLanguage ?? null, 'input');
    return this.db.transaction(async () => {
      await this.access.assertApproved(input.cooperativeId);
      await this.checkCategory(input.categoryCode, 'input.categoryCode');
      await this.checkCertifications(
        input.cooperativeId,
        input.certificationIds ?? [],
        'input.certificationIds',
      );
      const id = await this.insertProduct(input, texts);
      await this.variants.insertMany(id, input.cooperativeId, input.variants, actor.userId, 'input.variants');
      await this.replaceImages(id, input.imageAssetIds ?? []);
      await this.replaceCertifications(id, input.certificationIds ?? []);
      return this.get(id);
    });
  }

  async update(rc: RequestContext, id: string, input: UpdateProductInput): Promise<ProductModel> {
    requireUuid(id, 'Product');
    return this.db.transaction(async () => {
      const [current] = await this.db.query<{
        cooperativeId: string;
        defaultLanguage: LanguageCode;
        status: string;
      }>(
        `SELECT cooperative_id AS "cooperativeId", default_language AS "defaultLanguage", status
           FROM products WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!current) throw new NotFoundError('Product', id);
      await this.access.assertApproved(current.cooperativeId);
      if (input.categoryCode != null) await this.checkCategory(input.categoryCode, 'input.categoryCode');
      if (input.certificationIds != null)
        await this.checkCertifications(
          current.cooperativeId,
          input.certificationIds,
          'input.certificationIds',
        );
      if (input.translations != null || input.defaultLanguage != null) {
        const translations = input.translations ?? (await this.currentTranslations(id));
        const texts = translationColumns(
          translations,
          input.defaultLanguage ?? current.defaultLanguage,
          'input',
          input.translations != null,
        );
        await this.db.query(
          `UPDATE products SET default_language = $2, name_fr = $3, name_ar = $4, name_en = $5,
                  description_fr = $6, description_ar = $7, description_en = $8, updated_at = now()
            WHERE id = $1`,
          [id, texts.defaultLanguage, ...texts.values],
        );
      }
      if (input.categoryCode != null)
        await this.db.query(`UPDATE products SET category_code = $2, updated_at = now() WHERE id = $1`, [
          id,
          input.categoryCode,
        ]);
      if (input.imageAssetIds != null) await this.replaceImages(id, input.imageAssetIds);
      if (input.certificationIds != null) await this.replaceCertifications(id, input.certificationIds);
      return this.get(id);
    });
  }

  publish(id: string): Promise<ProductModel> {
    return this.moveTo(id, ProductStatus.PUBLISHED);
  }

  archive(id: string): Promise<ProductModel> {
    return this.moveTo(id, ProductStatus.ARCHIVED);
  }

  /** A conditional UPDATE: the state it comes from is checked in the same statement. */
  private async moveTo(id: string, to: ProductStatus): Promise<ProductModel> {
    requireUuid(id, 'Product');
    return this.db.transaction(async () => {
      const cooperativeId = await this.cooperativeOf(id);
      if (!cooperativeId) throw new NotFoundError('Product', id);
      await this.access.assertApproved(cooperativeId);
      const from = PRODUCT_TRANSITIONS[to];
      const moved = await this.db.query<{ id: string }>(
        `UPDATE products SET status = $2::varchar, updated_at = now(),
                published_at = CASE WHEN $2::varchar = 'PUBLISHED' THEN now() ELSE published_at END
          WHERE id = $1 AND status = ANY($3::varchar[]) RETURNING id`,
        [id, to, from],
      );
      if (moved.length === 0) {
        const [row] = await this.db.query<{ status: string }>(`SELECT status FROM products WHERE id = $1`, [
          id,
        ]);
        throw new InvalidStateTransitionError('Product', row?.status ?? 'unknown', to);
      }
      return this.get(id);
    });
  }

  /** A fresh read after a write. */
  async get(id: string): Promise<ProductModel> {
    const [row] = await this.db.query<ProductRow>(
      `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('Product', id);
    return toProductModel(row);
  }

  /**
   * Inserts the product under a free slug: its name's slug, else that slug with a random suffix
   * (ON CONFLICT keeps the transaction alive when the slug, or a concurrent creation, has it).
   */
  private insertProduct(input: CreateProductInput, texts: TranslationColumns): Promise<string> {
    const base = slugify(slugSource(input.translations, texts.defaultLanguage), 'product');
    return insertWithFreeSlug(
      base,
      async (slug) => {
        const [row] = await this.db.query<{ id: string }>(
          `INSERT INTO products (cooperative_id, category_code, slug, default_language,
                                 name_fr, name_ar, name_en, description_fr, description_ar, description_en)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (slug) DO NOTHING RETURNING id`,
          [input.cooperativeId, input.categoryCode, slug, texts.defaultLanguage, ...texts.values],
        );
        return row?.id;
      },
      'input.translations',
    );
  }

  private async currentTranslations(id: string): Promise<TranslationInput[]> {
    const product = await this.get(id);
    return (Object.values(LanguageCode) as LanguageCode[])
      .filter((lang) => product.texts.name[lang] != null)
      .map((lang) => ({
        languageCode: lang,
        name: product.texts.name[lang]!,
        description: product.texts.description[lang] ?? null,
      }));
  }

  private async checkCategory(code: string, field: string): Promise<void> {
    const [row] = await this.db.query(`SELECT 1 FROM categories WHERE code = $1`, [code]);
    if (!row) throw BadUserInputError.field(field, `unknown category "${code}"`);
  }

  /** Every id must be a certification of this cooperative. */
  private async checkCertifications(
    cooperativeId: string,
    ids: readonly string[],
    field: string,
  ): Promise<void> {
    if (ids.length === 0) return;
    if (new Set(ids).size !== ids.length) throw BadUserInputError.field(field, 'lists a certification twice');
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM certifications WHERE id = ANY($1::uuid[]) AND cooperative_id = $2`,
      [ids, cooperativeId],
    );
    const found = new Set(rows.map((r) => r.id));
    const problems: FieldProblem[] = ids
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !found.has(id))
      .map(({ i }) => ({ field: `${field}.${i}`, message: 'is not a certification of this cooperative' }));
    if (problems.length) throw new BadUserInputError(problems);
  }

  private async replaceImages(productId: string, assetIds: readonly string[]): Promise<void> {
    if (new Set(assetIds).size !== assetIds.length)
      throw BadUserInputError.field('input.imageAssetIds', 'lists an image twice');
    await this.db.query(`DELETE FROM product_images WHERE product_id = $1`, [productId]);
    if (assetIds.length)
      await this.db.query(
        `INSERT INTO product_images (product_id, asset_id, position)
         SELECT $1, a.id, a.n - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS a(id, n)`,
        [productId, assetIds],
      );
  }

  private async replaceCertifications(productId: string, ids: readonly string[]): Promise<void> {
    await this.db.query(`DELETE FROM product_certifications WHERE product_id = $1`, [productId]);
    if (ids.length)
      await this.db.query(
        `INSERT INTO product_certifications (product_id, certification_id) SELECT $1, unnest($2::uuid[])`,
        [productId, ids],
      );
  }
}

/**
 * The six translation columns (name/description × fr, ar, en) and the default language:
 * the explicit one, else the first translation's. Its translation must be there.
 */
export function translationColumns(
  translations: readonly TranslationInput[],
  defaultLanguage: LanguageCode | null,
  prefix: string,
  translationsGiven = true,
): TranslationColumns {
  const field = `${prefix}.translations`;
  const seen = new Set<LanguageCode>();
  translations.forEach((t, i) => {
    if (seen.has(t.languageCode))
      throw BadUserInputError.field(`${field}.${i}.languageCode`, `${t.languageCode} is given twice`);
    seen.add(t.languageCode);
  });
  const language = defaultLanguage ?? translations[0]?.languageCode;
  if (!language || !seen.has(language))
    throw BadUserInputError.field(
      translationsGiven ? field : `${prefix}.defaultLanguage`,
      `needs a translation in the default language (${language ?? 'none'})`,
    );
  const of = (lang: LanguageCode) => translations.find((t) => t.languageCode === lang);
  const names = [LanguageCode.fr, LanguageCode.ar, LanguageCode.en].map((l) => of(l)?.name.trim() ?? null);
  const descriptions = [LanguageCode.fr, LanguageCode.ar, LanguageCode.en].map(
    (l) => of(l)?.description?.trim() || null,
  );
  return { defaultLanguage: language, values: [...names, ...descriptions] };
}

/** Slugs read best from a Latin-script name: French, then English, then the default. */
function slugSource(translations: readonly TranslationInput[], defaultLanguage: LanguageCode): string {
  const of = (lang: LanguageCode) => translations.find((t) => t.languageCode === lang)?.name;
  return of(LanguageCode.fr) ?? of(LanguageCode.en) ?? of(defaultLanguage) ?? 'product';
}
