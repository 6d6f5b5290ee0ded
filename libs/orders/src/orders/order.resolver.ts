import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Ctx, PageArgs, type RequestContext } from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { OrderConnection, OrderModel } from './order.model.js';
import { OrderService } from './order.service.js';

@Resolver(() => OrderModel)
export class OrderResolver {
  constructor(private readonly orders: OrderService) {}

  @Query(() => OrderModel, {
    nullable: true,
    description: 'Its buyer, the guest with the token, admins; null for anyone else.',
  })
  @Policy.public()
  order(
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID, nullable: true }) id?: string | null,
    @Args('number', { type: () => String, nullable: true }) number?: string | null,
    @Args('guestAccessToken', { type: () => String, nullable: true }) guestAccessToken?: string | null,
  ): Promise<OrderModel | null> {
    return this.orders.find(rc, id, number, guestAccessToken);
  }

  @Query(() => OrderConnection, { description: "The signed-in buyer's orders, newest first." })
  @Policy.authenticated()
  myOrders(@Ctx() rc: RequestContext, @Args() page: PageArgs): Promise<OrderConnection> {
    return this.orders.mine(rc, page.first, page.after);
  }
}
