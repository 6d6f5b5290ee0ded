import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  argumentFields,
  Ctx,
  LanguageCode,
  NotFoundError,
  pickLanguage,
  type RequestContext,
} from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { CatalogLoaders } from '../catalog.loaders.js';
import { ProductModel } from '../products/product.model.js';
import { CATALOG_ROLES } from '../products/product.resolver.js';
import { AdjustStockArgs, UpdateVariantArgs } from './variant.args.js';
import { VariantInput } from './variant.input.js';
import { ProductVariantModel } from './variant.model.js';
import { VariantService } from './variant.service.js';

@Resolver(() => ProductVariantModel)
export class VariantResolver {
  constructor(
    private readonly variants: VariantService,
    private readonly loaders: CatalogLoaders,
  ) {}

  @Mutation(() => ProductVariantModel, {
    description: 'At most 100 variants per product; SKU unique in the cooperative.',
  })
  @Policy.allow({ cooperative: { roles: CATALOG_ROLES, scope: { entity: 'product', arg: 'productId' } } })
  addVariant(
    @Ctx() rc: RequestContext,
    @Args('productId', { type: () => ID }) productId: string,
    @Args('input') input: VariantInput,
  ): Promise<ProductVariantModel> {
    // The service inserts a list of variants: this one is its first, the `input` argument.
    return this.variants
      .add(rc, productId, input)
      .catch(argumentFields({ variants: 'input', 'variants.0': 'input' }));
  }

  @Mutation(() => ProductVariantModel)
  @Policy.allow({ cooperative: { roles: CATALOG_ROLES, scope: { entity: 'variant', arg: 'id' } } })
  updateVariant(@Ctx() rc: RequestContext, @Args() args: UpdateVariantArgs): Promise<ProductVariantModel> {
    return this.variants.update(rc, args.id, args.priceAmount, args.stock);
  }

  @Mutation(() => ProductVariantModel, {
    description: 'Atomic; never below zero (OUT_OF_STOCK); recorded with its reason and author.',
  })
  @Policy.allow({ cooperative: { roles: CATALOG_ROLES, scope: { entity: 'variant', arg: 'variantId' } } })
  adjustStock(@Ctx() rc: RequestContext, @Args() args: AdjustStockArgs): Promise<ProductVariantModel> {
    return this.variants.adjust(rc, args.variantId, args.delta, args.reason);
  }

  @ResolveField(() => String, {
    description: 'The product name with the option values, e.g. "Miel de thym · 500g".',
  })
  async name(
    @Parent() variant: ProductVariantModel,
    @Ctx() rc: RequestContext,
    @Args('languageCode', { type: () => LanguageCode, nullable: true }) language?: LanguageCode | null,
  ): Promise<string> {
    const product = await this.loaders.product(rc, variant.productId);
    const name = product ? pickLanguage(product.texts.name, language, product.defaultLanguage) : variant.sku;
    return [name, ...variant.options.map((o) => o.value)].join(' · ');
  }

  @ResolveField(() => ProductModel, {
    description:
      'The product of this variant (a cart line’s or order line’s way to its product and cooperative).',
  })
  async product(@Parent() variant: ProductVariantModel, @Ctx() rc: RequestContext): Promise<ProductModel> {
    const product = await this.loaders.product(rc, variant.productId);
    if (!product) throw new NotFoundError('Product', variant.productId);
    return product;
  }
}
