import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CatalogLoaders, ProductVariantModel } from '@taawoun/catalog';
import { Ctx, type RequestContext } from '@taawoun/core';
import { CartLineModel } from './cart.model.js';

@Resolver(() => CartLineModel)
export class CartLineFieldsResolver {
  constructor(private readonly catalog: CatalogLoaders) {}

  @ResolveField(() => ProductVariantModel)
  async variant(@Parent() line: CartLineModel, @Ctx() rc: RequestContext): Promise<ProductVariantModel> {
    const variant = await this.catalog.variant(rc, line.variantId);
    if (!variant) throw new Error(`Variant ${line.variantId} of cart line ${line.id} is missing`);
    return variant;
  }
}
