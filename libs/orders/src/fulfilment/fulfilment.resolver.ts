import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CooperativeRole, Ctx, PlatformRole, type RequestContext } from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { OrderModel, SubOrderConnection, SubOrderModel } from '../orders/order.model.js';
import { CooperativeOrdersArgs } from './fulfilment.args.js';
import { FulfilmentService } from './fulfilment.service.js';

const MEMBERS = [CooperativeRole.OWNER, CooperativeRole.MANAGER, CooperativeRole.STAFF];

/** Members of the sub-order's cooperative, and admins. */
const SUB_ORDER_MEMBERS_OR_ADMINS = {
  platformRoles: [PlatformRole.ADMIN],
  cooperative: { roles: MEMBERS, scope: { entity: 'subOrder', arg: 'id' } },
} as const;

@Resolver()
export class FulfilmentResolver {
  constructor(private readonly fulfilment: FulfilmentService) {}

  @Query(() => SubOrderConnection, {
    description: "A cooperative's sub-orders, newest first; its members, admins.",
  })
  @Policy.allow({
    platformRoles: [PlatformRole.ADMIN],
    cooperative: { roles: MEMBERS, scope: { arg: 'cooperativeId' } },
  })
  cooperativeOrders(
    @Ctx() rc: RequestContext,
    @Args() args: CooperativeOrdersArgs,
  ): Promise<SubOrderConnection> {
    return this.fulfilment.cooperativeOrders(rc, args.cooperativeId, args.status, args.first, args.after);
  }

  @Mutation(() => OrderModel, {
    description: 'The buyer, before anything has shipped; admins (whatever has not shipped). Restocks.',
  })
  @Policy.authenticated()
  cancelOrder(
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<OrderModel> {
    return this.fulfilment.cancelOrder(rc, id, reason);
  }

  @Mutation(() => SubOrderModel, { description: 'Cooperative members; AWAITING_FULFILMENT → SHIPPED.' })
  @Policy.allow(SUB_ORDER_MEMBERS_OR_ADMINS)
  markSubOrderShipped(
    @Args('id', { type: () => ID }) id: string,
    @Args('carrier') carrier: string,
    @Args('trackingNumber') trackingNumber: string,
  ): Promise<SubOrderModel> {
    return this.fulfilment.markShipped(id, carrier, trackingNumber);
  }

  @Mutation(() => SubOrderModel, {
    description: 'Members; SHIPPED → DELIVERED. For cash on delivery this records the cash collected.',
  })
  @Policy.allow(SUB_ORDER_MEMBERS_OR_ADMINS)
  markSubOrderDelivered(@Args('id', { type: () => ID }) id: string): Promise<SubOrderModel> {
    return this.fulfilment.markDelivered(id);
  }

  @Mutation(() => SubOrderModel, { description: 'Members before shipping; admins. Restocks.' })
  @Policy.allow(SUB_ORDER_MEMBERS_OR_ADMINS)
  cancelSubOrder(
    @Ctx() rc: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<SubOrderModel> {
    return this.fulfilment.cancelSubOrder(rc, id, reason);
  }
}
