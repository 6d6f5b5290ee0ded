import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, PageArgs, type RequestContext } from '@taawoun/core';
import { CooperativeModel } from '@taawoun/cooperatives';
import { ProductSearchService } from '../search/product-search.service.js';
import { ProductConnection } from './product.model.js';

/** `Cooperative.products`, added here because catalog depends on cooperatives, not the reverse. */
@Resolver(() => CooperativeModel)
export class CooperativeProductsResolver {
  constructor(private readonly search: ProductSearchService) {}

  @ResolveField(() => ProductConnection, {
    description: 'Newest first; its members and admins also see drafts and archived products.',
  })
  products(
    @Parent() cooperative: CooperativeModel,
    @Ctx() rc: RequestContext,
    @Args() page: PageArgs,
  ): Promise<ProductConnection> {
    return this.search.forCooperative(rc, cooperative.id, page.first, page.after);
  }
}
