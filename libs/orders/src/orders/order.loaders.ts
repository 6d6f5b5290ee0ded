import { Injectable } from '@nestjs/common';
import { manyByKey, oneByKey, type RequestContext } from '@taawoun/core';
import { toOrderLineModel, toOrderModel, toSubOrderModel } from './order.mapper.js';
import type { OrderLineModel, OrderModel, SubOrderModel } from './order.model.js';
import { OrderRepository } from './order.repository.js';
import { OrderPayments, type OrderPaymentView } from '../payments/order-payments.js';

/**
 * The orders lib's per-request DataLoaders: one query per relation for a whole page. Visibility
 * is decided by whoever hands out the parent (an order or sub-order already shown).
 */
@Injectable()
export class OrderLoaders {
  constructor(
    private readonly orders: OrderRepository,
    private readonly payments: OrderPayments,
  ) {}

  /** The recorded payment of an order (null without one: Order.payment is then derived). */
  payment(rc: RequestContext, orderId: string): Promise<OrderPaymentView | null> {
    return rc.loaders
      .get<string, OrderPaymentView | null>('orders.paymentByOrder', async (ids) =>
        oneByKey(ids, await this.payments.paymentsOf(ids), (p) => p.orderId),
      )
      .load(orderId);
  }

  order(rc: RequestContext, id: string): Promise<OrderModel | null> {
    return this.orderLoader(rc).load(id);
  }

  /** Caches an order read by another query, so its fields do not read it again. */
  prime(rc: RequestContext, order: OrderModel): OrderModel {
    this.orderLoader(rc).prime(order.id, order);
    return order;
  }

  private orderLoader(rc: RequestContext) {
    return rc.loaders.get<string, OrderModel | null>('orders.orderById', async (ids) =>
      oneByKey(ids, (await this.orders.byIds(ids)).map(toOrderModel), (o) => o.id),
    );
  }

  /** A sub-order by id (for lists of other libs that reference sub-orders, e.g. ledger entries). */
  subOrder(rc: RequestContext, id: string): Promise<SubOrderModel | null> {
    return rc.loaders
      .get<string, SubOrderModel | null>('orders.subOrderById', async (ids) =>
        oneByKey(ids, (await this.orders.subOrdersByIds(ids)).map(toSubOrderModel), (s) => s.id),
      )
      .load(id);
  }

  subOrders(rc: RequestContext, orderId: string): Promise<SubOrderModel[]> {
    return rc.loaders
      .get<string, SubOrderModel[]>('orders.subOrdersByOrder', async (ids) =>
        manyByKey(ids, (await this.orders.subOrdersByOrders(ids)).map(toSubOrderModel), (s) => s.orderId),
      )
      .load(orderId);
  }

  lines(rc: RequestContext, subOrderId: string): Promise<OrderLineModel[]> {
    return rc.loaders
      .get<string, OrderLineModel[]>('orders.linesBySubOrder', async (ids) =>
        manyByKey(ids, (await this.orders.linesBySubOrders(ids)).map(toOrderLineModel), (l) => l.subOrderId),
      )
      .load(subOrderId);
  }
}
