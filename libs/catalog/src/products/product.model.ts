import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, LanguageCode, MoneyModel } from '@taawoun/core';
import { ProductStatus } from './product-status.js';

@ObjectType('PriceRange')
export class PriceRangeModel {
  @Field(() => MoneyModel)
  min!: MoneyModel;

  @Field(() => MoneyModel)
  max!: MoneyModel;
}

/** Texts of a product per language; the one in `defaultLanguage` always exists. */
export interface ProductTexts {
  name: Partial<Record<LanguageCode, string | null>>;
  description: Partial<Record<LanguageCode, string | null>>;
}

/**
 * The GraphQL `Product`. Relations (category, cooperative, variants, images, certifications) are
 * field resolvers over per-request DataLoaders; `priceRange` is a plain property, read with the row
 * (the min/max variant price the variants' triggers keep on it): no variant query and no resolver
 * call per product.
 */
@ObjectType('Product')
export class ProductModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Readable, unique and stable (never changes after creation).' })
  slug!: string;

  @Field(() => ProductStatus, { description: 'Only PUBLISHED products of APPROVED cooperatives are public.' })
  status!: ProductStatus;

  @Field(() => LanguageCode, { description: 'The language missing translations fall back to.' })
  defaultLanguage!: LanguageCode;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => PriceRangeModel, { description: 'Lowest and highest variant price.' })
  priceRange!: PriceRangeModel;

  texts!: ProductTexts;
  cooperativeId!: string;
  categoryCode!: string;
}

@ObjectType('FacetCount')
export class FacetCountModel {
  @Field({ description: 'A category code, a region code or a certification type.' })
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ProductFacets', {
  description:
    'Counts over the whole filtered set, not the page, when `countsAreExact`; over a large set (more matches than the exact-count limit, 1,000 by default) they are counted over the first matches found only.',
})
export class ProductFacetsModel {
  @Field({
    description:
      'True when every count is over the whole filtered set. False when the set is larger than the exact-count limit (1,000 by default): the counts are then over the first matches found only, each a lower bound, and a value may be missing.',
  })
  countsAreExact!: boolean;

  @Field(() => [FacetCountModel])
  categories!: FacetCountModel[];

  @Field(() => [FacetCountModel])
  regions!: FacetCountModel[];

  @Field(() => [FacetCountModel], { description: 'Products with a valid certification of each type.' })
  certifications!: FacetCountModel[];
}

/** Totals of a filtered product set, computed once per connection and only when asked for. */
export interface ProductTotals {
  totalCount: number;
  /** False when `totalCount` is the exact-count limit standing for "at least this many". */
  totalCountIsExact: boolean;
  facets: ProductFacetsModel;
  /** When the counts come from the facet summary: when it was computed; null when counted now. */
  asOf: Date | null;
}

@ObjectType('ProductConnection')
export class ProductConnection extends ConnectionType('Product', ProductModel) {
  @Field(() => ProductFacetsModel, {
    nullable: true,
    description:
      'Computed for the whole filtered set, or over its first matches when it is larger than the exact-count limit (see countsAreExact).',
  })
  facets?: ProductFacetsModel | null;

  /** Runs the count/facet query on first use (when `totalCount` or `facets` is selected). */
  totals!: () => Promise<ProductTotals>;
}
