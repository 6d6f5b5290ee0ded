import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Cost } from '@taawoun/core';
import { TOTALS_COST } from '../search/search-cost.js';
import { ProductConnection, ProductFacetsModel } from './product.model.js';

/** totalCount and facets share one query, run only when one of them is selected. */
@Resolver(() => ProductConnection)
export class ProductConnectionResolver {
  @ResolveField(() => Int)
  @Cost(TOTALS_COST)
  async totalCount(@Parent() connection: ProductConnection): Promise<number> {
    return (await connection.totals()).totalCount;
  }

  @ResolveField(() => Boolean, {
    description:
      'True when totalCount is exact. False when the filtered set is larger than the exact-count limit (1,000 by default): totalCount is then that limit, a lower bound (show it as "1,000+").',
  })
  @Cost(TOTALS_COST)
  async totalCountIsExact(@Parent() connection: ProductConnection): Promise<boolean> {
    return (await connection.totals()).totalCountIsExact;
  }

  @ResolveField(() => ProductFacetsModel, {
    nullable: true,
    description:
      'Computed for the whole filtered set, or over its first matches when it is larger than the exact-count limit (see countsAreExact).',
  })
  @Cost(TOTALS_COST)
  async facets(@Parent() connection: ProductConnection): Promise<ProductFacetsModel> {
    return (await connection.totals()).facets;
  }
}
