import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AssetModel } from '@taawoun/assets';
import { Ctx, DirectFieldResolvers, LanguageCode, pickLanguage, type RequestContext } from '@taawoun/core';
import { CooperativeModel, CooperativeService } from '@taawoun/cooperatives';
import { CatalogLoaders } from '../catalog.loaders.js';
import { CategoryModel } from '../categories/category.model.js';
import { CertificationModel } from '../certifications/certification.model.js';
import { ProductVariantModel } from '../variants/variant.model.js';
import { ProductModel } from './product.model.js';

type LanguageArgs = { languageCode?: LanguageCode | null };

/**
 * Relations of a product, each through a per-request DataLoader. Every field is asked for each
 * product of a page, so each is also registered as a direct resolver (see DirectFieldResolvers):
 * GraphQL calls these methods without Nest's per-call wrapper.
 */
@Resolver(() => ProductModel)
export class ProductFieldsResolver {
  constructor(
    private readonly loaders: CatalogLoaders,
    private readonly cooperatives: CooperativeService,
    direct: DirectFieldResolvers,
  ) {
    direct.add<ProductModel, LanguageArgs>('Product', 'name', (p, args) => this.name(p, args.languageCode));
    direct.add<ProductModel, LanguageArgs>('Product', 'description', (p, args) =>
      this.description(p, args.languageCode),
    );
    direct.add<ProductModel, unknown>('Product', 'category', (p, _, { rc }) => this.category(p, rc));
    direct.add<ProductModel, unknown>('Product', 'cooperative', (p, _, { rc }) => this.cooperative(p, rc));
    direct.add<ProductModel, unknown>('Product', 'variants', (p, _, { rc }) => this.variants(p, rc));
    direct.add<ProductModel, unknown>('Product', 'images', (p, _, { rc }) => this.images(p, rc));
    direct.add<ProductModel, unknown>('Product', 'certifications', (p, _, { rc }) =>
      this.certifications(p, rc),
    );
  }

  @ResolveField(() => String, { description: 'Falls back to the default language.' })
  name(
    @Parent() product: ProductModel,
    @Args('languageCode', { type: () => LanguageCode, nullable: true }) language?: LanguageCode | null,
  ): string {
    return pickLanguage(product.texts.name, language, product.defaultLanguage);
  }

  @ResolveField(() => String, { nullable: true, description: 'Falls back to the default language.' })
  description(
    @Parent() product: ProductModel,
    @Args('languageCode', { type: () => LanguageCode, nullable: true }) language?: LanguageCode | null,
  ): string | null {
    return pickLanguage(product.texts.description, language, product.defaultLanguage) || null;
  }

  @ResolveField(() => CategoryModel)
  async category(@Parent() product: ProductModel, @Ctx() rc: RequestContext): Promise<CategoryModel> {
    const category = await this.loaders.category(rc, product.categoryCode);
    if (!category) throw new Error(`Category ${product.categoryCode} of product ${product.id} is missing`);
    return category;
  }

  @ResolveField(() => CooperativeModel)
  async cooperative(@Parent() product: ProductModel, @Ctx() rc: RequestContext): Promise<CooperativeModel> {
    const cooperative = await this.cooperatives.load(rc, product.cooperativeId);
    if (!cooperative)
      throw new Error(`Cooperative ${product.cooperativeId} of product ${product.id} is missing`);
    return cooperative;
  }

  @ResolveField(() => [ProductVariantModel])
  variants(@Parent() product: ProductModel, @Ctx() rc: RequestContext): Promise<ProductVariantModel[]> {
    return this.loaders.variants(rc, product.id);
  }

  @ResolveField(() => [AssetModel], { description: 'Product photos, in order.' })
  images(@Parent() product: ProductModel, @Ctx() rc: RequestContext): Promise<AssetModel[]> {
    return this.loaders.images(rc, product.id);
  }

  @ResolveField(() => [CertificationModel])
  certifications(@Parent() product: ProductModel, @Ctx() rc: RequestContext): Promise<CertificationModel[]> {
    return this.loaders.certifications(rc, product.id);
  }
}
