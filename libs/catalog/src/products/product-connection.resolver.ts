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

  @ResolveField(() => Date, {
    nullable: true,
    description:
      'When totalCount and facets come from the catalogue summary (the list filtered by nothing but categoryCode, regionCode, certified, womenLed and inStock), the time it was computed: exact counts as of then (refreshed each minute, so a change shows in them within about a minute). Null when they were counted now.',
  })
  @Cost(TOTALS_COST)
  async totalsAsOf(@Parent() connection: ProductConnection): Promise<Date | null> {
    return (await connection.totals()).asOf;
  }

  @ResolveField(() => ProductFacetsModel, {
    nullable: true,
    description:
      'Computed for the whole filtered set (from the catalogue summary for the common filters, see totalsAsOf), or over its first matches when it is larger than the exact-count limit (see countsAreExact).',
  })
  @Cost(TOTALS_COST)
  async facets(@Parent() connection: ProductConnection): Promise<ProductFacetsModel> {
    return (await connection.totals()).facets;
  }
}
