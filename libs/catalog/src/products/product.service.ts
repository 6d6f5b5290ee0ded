import { Injectable } from '@nestjs/common';
import {
  type Actor,
  BadUserInputError,
  Db,
  insertWithFreeSlug,
  InvalidStateTransitionError,
  isUuid,
  LanguageCode,
  NotFoundError,
  requireUuid,
  slugify,
  type FieldProblem,
  type RequestContext,
} from '@taawoun/core';
import { AssetKind, AssetService } from '@taawoun/assets';
import { CatalogAccess } from '../catalog-access.js';
import { CategoryRepository } from '../categories/category.repository.js';
import { CertificationRepository } from '../certifications/certification.repository.js';
import { VariantService } from '../variants/variant.service.js';
import type { CreateProductInput, TranslationInput, UpdateProductInput } from './product.input.js';
import { toProductModel } from './product.mapper.js';
import type { ProductModel } from './product.model.js';
import { PRODUCT_TRANSITIONS, ProductStatus } from './product-status.js';
import { ProductRepository, type ProductTextColumns } from './product.repository.js';

/** Products: creation, edits, the DRAFT → PUBLISHED → ARCHIVED life cycle and single reads. */
@Injectable()
export class ProductService {
  constructor(
    private readonly db: Db,
    private readonly products: ProductRepository,
    private readonly categories: CategoryRepository,
    private readonly certifications: CertificationRepository,
    private readonly access: CatalogAccess,
    private readonly variants: VariantService,
    private readonly assets: AssetService,
  ) {}

  /** The cooperative owning a product (for the policy guard), or null. */
  cooperativeOf(id: string): Promise<string | null> {
    return this.products.cooperativeOf(id);
  }

  /**
   * A product by id or slug when the caller may see it (`productVisibility`: anyone for a
   * PUBLISHED product of an APPROVED cooperative, its members and admins in any state); null otherwise.
   */
  async find(rc: RequestContext, id?: string | null, slug?: string | null): Promise<ProductModel | null> {
    if ((id == null) === (slug == null)) throw BadUserInputError.field('id', 'give either id or slug');
    if (id != null && !isUuid(id)) return null;
    const row = await this.products.findVisible(rc.actor, id != null ? { id } : { slug: slug! });
    return row ? toProductModel(row) : null;
  }

  async create(rc: RequestContext, input: CreateProductInput): Promise<ProductModel> {
    const actor = rc.requireActor();
    const texts = translationColumns(input.translations, input.defaultLanguage ?? null);
    return this.db.transaction(async () => {
      await this.access.assertApproved(input.cooperativeId);
      await this.checkCategory(input.categoryCode);
      await this.checkCertifications(input.cooperativeId, input.certificationIds ?? []);
      const id = await this.insertProduct(input, texts);
      await this.variants.insertMany(id, input.cooperativeId, input.variants, actor.userId, 'variants');
      await this.replaceImages(actor, id, input.cooperativeId, input.imageAssetIds ?? []);
      await this.products.replaceCertifications(id, input.certificationIds ?? []);
      return this.get(id);
    });
  }

  async update(rc: RequestContext, id: string, input: UpdateProductInput): Promise<ProductModel> {
    const actor = rc.requireActor();
    requireUuid(id, 'Product');
    return this.db.transaction(async () => {
      const current = await this.products.lock(id);
      if (!current) throw new NotFoundError('Product', id);
      await this.access.assertApproved(current.cooperativeId);
      if (input.categoryCode != null) await this.checkCategory(input.categoryCode);
      if (input.certificationIds != null)
        await this.checkCertifications(current.cooperativeId, input.certificationIds);
      if (input.translations != null || input.defaultLanguage != null) {
        const translations = input.translations ?? (await this.currentTranslations(id));
        const texts = translationColumns(
          translations,
          input.defaultLanguage ?? current.defaultLanguage,
          input.translations != null,
        );
        await this.products.updateTexts(id, texts);
      }
      if (input.categoryCode != null) await this.products.updateCategory(id, input.categoryCode);
      if (input.imageAssetIds != null)
        await this.replaceImages(actor, id, current.cooperativeId, input.imageAssetIds);
      if (input.certificationIds != null)
        await this.products.replaceCertifications(id, input.certificationIds);
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
      const cooperativeId = await this.products.cooperativeOf(id);
      if (!cooperativeId) throw new NotFoundError('Product', id);
      await this.access.assertApproved(cooperativeId);
      if (!(await this.products.move(id, to, PRODUCT_TRANSITIONS[to]))) {
        const status = await this.products.status(id);
        throw new InvalidStateTransitionError('Product', status ?? 'unknown', to);
      }
      return this.get(id);
    });
  }

  /** A fresh read after a write. */
  async get(id: string): Promise<ProductModel> {
    const row = await this.products.byId(id);
    if (!row) throw new NotFoundError('Product', id);
    return toProductModel(row);
  }

  /**
   * Inserts the product under a free slug: its name's slug, else that slug with a random suffix
   * (ON CONFLICT keeps the transaction alive when the slug, or a concurrent creation, has it).
   */
  private insertProduct(input: CreateProductInput, texts: ProductTextColumns): Promise<string> {
    const base = slugify(slugSource(input.translations, texts.defaultLanguage), 'product');
    return insertWithFreeSlug(
      base,
      (slug) =>
        this.products.insert({
          cooperativeId: input.cooperativeId,
          categoryCode: input.categoryCode,
          slug,
          ...texts,
        }),
      'translations',
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

  private async checkCategory(code: string): Promise<void> {
    if (!(await this.categories.exists(code)))
      throw BadUserInputError.field('categoryCode', `unknown category "${code}"`);
  }

  /** Every id must be a certification of this cooperative. */
  private async checkCertifications(cooperativeId: string, ids: readonly string[]): Promise<void> {
    const field = 'certificationIds';
    if (ids.length === 0) return;
    if (new Set(ids).size !== ids.length) throw BadUserInputError.field(field, 'lists a certification twice');
    const found = await this.certifications.idsOfCooperative(cooperativeId, ids);
    const problems: FieldProblem[] = ids
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !found.has(id))
      .map(({ i }) => ({ field: `${field}.${i}`, message: 'is not a certification of this cooperative' }));
    if (problems.length) throw new BadUserInputError(problems);
  }

  /**
   * Replaces a product's images: each must be an upload the actor may use (AssetService), an image,
   * not another cooperative's; they are attached to the product's cooperative (and so made public).
   */
  private async replaceImages(
    actor: Actor,
    productId: string,
    cooperativeId: string,
    assetIds: readonly string[],
  ): Promise<void> {
    if (new Set(assetIds).size !== assetIds.length)
      throw BadUserInputError.field('imageAssetIds', 'lists an image twice');
    const target = { cooperativeId, kind: AssetKind.PRODUCT_IMAGE };
    await this.assets.assertUsable(actor, assetIds, { field: 'imageAssetIds', ...target });
    await this.assets.attach(assetIds, target, 'imageAssetIds');
    await this.products.replaceImages(productId, assetIds);
  }
}

/**
 * The six translation columns (name/description × fr, ar, en) and the default language:
 * the explicit one, else the first translation's. Its translation must be there (an error on
 * `translations`, or on `defaultLanguage` when the translations were not given).
 */
export function translationColumns(
  translations: readonly TranslationInput[],
  defaultLanguage: LanguageCode | null,
  translationsGiven = true,
): ProductTextColumns {
  const field = 'translations';
  const seen = new Set<LanguageCode>();
  translations.forEach((t, i) => {
    if (seen.has(t.languageCode))
      throw BadUserInputError.field(`${field}.${i}.languageCode`, `${t.languageCode} is given twice`);
    seen.add(t.languageCode);
  });
  const language = defaultLanguage ?? translations[0]?.languageCode;
  if (!language || !seen.has(language))
    throw BadUserInputError.field(
      translationsGiven ? field : 'defaultLanguage',
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
