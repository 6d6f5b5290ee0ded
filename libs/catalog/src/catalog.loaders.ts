import { Injectable } from '@nestjs/common';
import { type AssetModel, AssetService, assetVisibility } from '@taawoun/assets';
import { manyByKey, oneByKey, type RequestContext } from '@taawoun/core';
import { CategoryRepository } from './categories/category.repository.js';
import type { CategoryModel } from './categories/category.model.js';
import { CertificationRepository } from './certifications/certification.repository.js';
import type { CertificationModel } from './certifications/certification.model.js';
import { toProductModel } from './products/product.mapper.js';
import type { ProductModel } from './products/product.model.js';
import { ProductRepository } from './products/product.repository.js';
import { toVariantModel } from './variants/variant.mapper.js';
import type { ProductVariantModel } from './variants/variant.model.js';
import { VariantRepository } from './variants/variant.repository.js';

/**
 * The catalog's per-request DataLoaders: one query per relation for a whole page, whatever
 * its size. Visibility is decided by whoever hands out the parent (a product already shown).
 */
@Injectable()
export class CatalogLoaders {
  constructor(
    private readonly categories: CategoryRepository,
    private readonly products: ProductRepository,
    private readonly variantRows: VariantRepository,
    private readonly certificationRows: CertificationRepository,
    private readonly assets: AssetService,
  ) {}

  category(rc: RequestContext, code: string): Promise<CategoryModel | null> {
    return rc.loaders
      .get<string, CategoryModel | null>('catalog.categoryByCode', async (codes) =>
        oneByKey(codes, await this.categories.byCodes(codes), (r) => r.code),
      )
      .load(code);
  }

  /** A product by id, whatever its status (callers decide visibility). */
  product(rc: RequestContext, id: string): Promise<ProductModel | null> {
    return rc.loaders
      .get<string, ProductModel | null>('catalog.productById', async (ids) => {
        const rows = await this.products.byIds(ids);
        return oneByKey(ids, rows.map(toProductModel), (p) => p.id);
      })
      .load(id);
  }

  /** A variant by id, whatever its product's status (callers decide visibility). */
  variant(rc: RequestContext, id: string): Promise<ProductVariantModel | null> {
    return rc.loaders
      .get<string, ProductVariantModel | null>('catalog.variantById', async (ids) => {
        const rows = await this.variantRows.byIds(ids);
        return oneByKey(ids, rows.map(toVariantModel), (v) => v.id);
      })
      .load(id);
  }

  variants(rc: RequestContext, productId: string): Promise<ProductVariantModel[]> {
    return rc.loaders
      .get<string, ProductVariantModel[]>('catalog.variantsByProduct', async (ids) => {
        const rows = await this.variantRows.byProducts(ids);
        return manyByKey(ids, rows.map(toVariantModel), (v) => v.productId);
      })
      .load(productId);
  }

  /** A product's images the caller may see, in order: one statement for a whole page. */
  images(rc: RequestContext, productId: string): Promise<AssetModel[]> {
    return rc.loaders
      .get<string, AssetModel[]>('catalog.imagesByProduct', async (ids) => {
        const rows = await this.products.imagesByProducts(ids, assetVisibility(rc.actor));
        return manyByKey(ids, rows, (r) => r.productId).map((images) =>
          images.map((row) => this.assets.toModel(row)),
        );
      })
      .load(productId);
  }

  certifications(rc: RequestContext, productId: string): Promise<CertificationModel[]> {
    return rc.loaders
      .get<string, CertificationModel[]>('catalog.certificationsByProduct', async (ids) =>
        manyByKey(ids, await this.certificationRows.byProducts(ids), (r) => r.productId),
      )
      .load(productId);
  }
}
