import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CatalogLoaders, ProductVariantModel } from '@taawoun/catalog';
import { CooperativeModel, CooperativeService } from '@taawoun/cooperatives';
import { Ctx, type RequestContext } from '@taawoun/core';
import { OrderLoaders } from './order.loaders.js';
import { OrderLineModel, OrderModel, PaymentModel, SubOrderModel } from './order.model.js';
import { money } from '@taawoun/core';
import type { PaymentStatus } from './order-status.js';
import { subOrderVisibleTo } from './sub-order-visibility.js';

/** Relations of an order already shown to its caller, each through a DataLoader. */
@Resolver(() => OrderModel)
export class OrderFieldsResolver {
  constructor(private readonly loaders: OrderLoaders) {}

  @ResolveField(() => [SubOrderModel], { description: 'One per cooperative in the cart.' })
  async subOrders(@Parent() order: OrderModel, @Ctx() rc: RequestContext): Promise<SubOrderModel[]> {
    // A cooperative member reaching the order through its own sub-order sees only its cooperative's.
    const subOrders = await this.loaders.subOrders(rc, order.id);
    return subOrders.filter((s) => subOrderVisibleTo(rc.actor, order, s));
  }

  /** The payment as payments recorded it (refunds included); derived from the order without one. */
  @ResolveField(() => PaymentModel)
  async payment(@Parent() order: OrderModel, @Ctx() rc: RequestContext): Promise<PaymentModel> {
    const recorded = await this.loaders.payment(rc, order.id);
    if (!recorded) return order.payment;
    return {
      method: order.payment.method,
      status: recorded.status as PaymentStatus,
      amount: money(recorded.amount, recorded.currency),
      refunded: money(recorded.refundedAmount, recorded.currency),
    };
  }
}

@Resolver(() => SubOrderModel)
export class SubOrderFieldsResolver {
  constructor(
    private readonly loaders: OrderLoaders,
    private readonly cooperatives: CooperativeService,
  ) {}

  @ResolveField(() => OrderModel)
  async order(@Parent() subOrder: SubOrderModel, @Ctx() rc: RequestContext): Promise<OrderModel> {
    const order = await this.loaders.order(rc, subOrder.orderId);
    if (!order) throw new Error(`Order ${subOrder.orderId} of sub-order ${subOrder.id} is missing`);
    return order;
  }

  @ResolveField(() => CooperativeModel)
  async cooperative(@Parent() subOrder: SubOrderModel, @Ctx() rc: RequestContext): Promise<CooperativeModel> {
    const cooperative = await this.cooperatives.load(rc, subOrder.cooperativeId);
    if (!cooperative)
      throw new Error(`Cooperative ${subOrder.cooperativeId} of sub-order ${subOrder.id} is missing`);
    return cooperative;
  }

  @ResolveField(() => [OrderLineModel])
  lines(@Parent() subOrder: SubOrderModel, @Ctx() rc: RequestContext): Promise<OrderLineModel[]> {
    return this.loaders.lines(rc, subOrder.id);
  }
}

@Resolver(() => OrderLineModel)
export class OrderLineFieldsResolver {
  constructor(private readonly catalog: CatalogLoaders) {}

  @ResolveField(() => ProductVariantModel)
  async variant(@Parent() line: OrderLineModel, @Ctx() rc: RequestContext): Promise<ProductVariantModel> {
    const variant = await this.catalog.variant(rc, line.variantId);
    if (!variant) throw new Error(`Variant ${line.variantId} of order line ${line.id} is missing`);
    return variant;
  }
}
