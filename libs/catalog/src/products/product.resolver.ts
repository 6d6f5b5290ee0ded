import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { argumentFields, CooperativeRole, Cost, Ctx, type RequestContext } from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { ProductSearchService } from '../search/product-search.service.js';
import { productListCost } from '../search/search-cost.js';
import { CreateProductInput, ProductsArgs, UpdateProductInput } from './product.input.js';
import { ProductConnection, ProductModel } from './product.model.js';
import { ProductService } from './product.service.js';

/** Every cooperative role manages the catalog (staff keep stock and listings up to date). */
export const CATALOG_ROLES = [CooperativeRole.OWNER, CooperativeRole.MANAGER, CooperativeRole.STAFF];

@Resolver(() => ProductModel)
export class ProductResolver {
  constructor(
    private readonly productService: ProductService,
    private readonly search: ProductSearchService,
  ) {}

  @Query(() => ProductModel, {
    nullable: true,
    description: 'By id or slug; null when unknown or not visible to the caller.',
  })
  @Policy.public()
  product(
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID, nullable: true }) id?: string | null,
    @Args('slug', { type: () => String, nullable: true }) slug?: string | null,
  ): Promise<ProductModel | null> {
    return this.productService.find(rc, id, slug);
  }

  @Query(() => ProductConnection)
  @Policy.public()
  @Cost(productListCost)
  products(@Ctx() rc: RequestContext, @Args() args: ProductsArgs): Promise<ProductConnection> {
    return this.search.list(rc, args.filter, args.sort, args.first, args.after);
  }

  @Mutation(() => ProductModel, {
    description: 'Members of an APPROVED cooperative; the product starts as DRAFT.',
  })
  @Policy.allow({ cooperative: { roles: CATALOG_ROLES, scope: { arg: 'input.cooperativeId' } } })
  createProduct(@Ctx() rc: RequestContext, @Args('input') input: CreateProductInput): Promise<ProductModel> {
    return this.productService.create(rc, input).catch(argumentFields('input'));
  }

  @Mutation(() => ProductModel)
  @Policy.allow({ cooperative: { roles: CATALOG_ROLES, scope: { entity: 'product', arg: 'id' } } })
  updateProduct(
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateProductInput,
  ): Promise<ProductModel> {
    return this.productService.update(rc, id, input).catch(argumentFields('input'));
  }

  @Mutation(() => ProductModel, { description: 'DRAFT → PUBLISHED.' })
  @Policy.allow({ cooperative: { roles: CATALOG_ROLES, scope: { entity: 'product', arg: 'id' } } })
  publishProduct(@Args('id', { type: () => ID }) id: string): Promise<ProductModel> {
    return this.productService.publish(id);
  }

  @Mutation(() => ProductModel, { description: 'DRAFT or PUBLISHED → ARCHIVED.' })
  @Policy.allow({ cooperative: { roles: CATALOG_ROLES, scope: { entity: 'product', arg: 'id' } } })
  archiveProduct(@Args('id', { type: () => ID }) id: string): Promise<ProductModel> {
    return this.productService.archive(id);
  }
}
