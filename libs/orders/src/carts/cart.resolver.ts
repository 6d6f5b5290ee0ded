import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { CartModel } from './cart.model.js';
import { CartService } from './cart.service.js';

/** Carts are public: a guest's id is its key; a signed-in buyer's cart is theirs alone. */
@Resolver(() => CartModel)
export class CartResolver {
  constructor(private readonly carts: CartService) {}

  @Query(() => CartModel, {
    nullable: true,
    description:
      "Null when unknown, checked out or another buyer's. A signed-in buyer's guest cart joins theirs.",
  })
  @Policy.public()
  cart(@Ctx() rc: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CartModel | null> {
    return this.carts.get(rc, id);
  }

  @Mutation(() => CartModel, { description: 'Creates a cart when cartId is null; 1..99 units of an item.' })
  @Policy.public()
  addToCart(
    @Ctx() rc: RequestContext,
    @Args('cartId', { type: () => ID, nullable: true }) cartId: string | null,
    @Args('variantId', { type: () => ID }) variantId: string,
    @Args('quantity', { type: () => Int }) quantity: number,
  ): Promise<CartModel> {
    return this.carts.add(rc, cartId, variantId, quantity);
  }

  @Mutation(() => CartModel, { description: '0 removes the line.' })
  @Policy.public()
  updateCartLine(
    @Ctx() rc: RequestContext,
    @Args('cartId', { type: () => ID }) cartId: string,
    @Args('lineId', { type: () => ID }) lineId: string,
    @Args('quantity', { type: () => Int }) quantity: number,
  ): Promise<CartModel> {
    return this.carts.updateLine(rc, cartId, lineId, quantity);
  }

  @Mutation(() => CartModel)
  @Policy.public()
  removeCartLine(
    @Ctx() rc: RequestContext,
    @Args('cartId', { type: () => ID }) cartId: string,
    @Args('lineId', { type: () => ID }) lineId: string,
  ): Promise<CartModel> {
    return this.carts.removeLine(rc, cartId, lineId);
  }
}
