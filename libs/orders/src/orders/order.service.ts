import { Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  Cursors,
  isUuid,
  pageSize,
  toConnection,
  type Connection,
  type RequestContext,
} from '@taawoun/core';
import { guestTokenHash } from '../checkout/guest-token.js';
import { guestTokenMatches } from './order-visibility.js';
import { OrderLoaders } from './order.loaders.js';
import { toOrderModel } from './order.mapper.js';
import type { OrderModel } from './order.model.js';
import { OrderRepository } from './order.repository.js';

const MY_ORDERS_KIND = 'myOrders';
/** Longest guest access token accepted (ours are 43 characters). */
const MAX_TOKEN_LENGTH = 128;

/** Orders as their buyers, guests with a token, and admins read them. */
@Injectable()
export class OrderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly loaders: OrderLoaders,
    private readonly cursors: Cursors,
  ) {}

  /**
   * `order(id | number, guestAccessToken)`: for its buyer, a guest with the order's token, and
   * admins; null otherwise, exactly as for an order that does not exist.
   */
  async find(
    rc: RequestContext,
    id: string | null | undefined,
    number: string | null | undefined,
    guestAccessToken: string | null | undefined,
  ): Promise<OrderModel | null> {
    if ((id == null) === (number == null))
      throw BadUserInputError.field(id == null ? 'id' : 'number', 'give exactly one of id or number');
    if (id != null && !isUuid(id)) return null;
    if (number != null && number.length > 32) return null;
    const row = await this.orders.find(id != null ? { id } : { number: number! }, rc.actor);
    if (!row) return null;
    const token =
      guestAccessToken && guestAccessToken.length <= MAX_TOKEN_LENGTH
        ? guestTokenHash(guestAccessToken)
        : null;
    if (!row.visible && !guestTokenMatches(row.guestTokenHash, token)) return null;
    return this.loaders.prime(rc, { ...toOrderModel(row), viaGuestToken: !row.visible });
  }

  /** An order by id for a caller already entitled to it (e.g. the checkout that made it). */
  async load(rc: RequestContext, id: string): Promise<OrderModel> {
    const order = await this.loaders.order(rc, id);
    if (!order) throw new Error(`Order ${id} is missing`);
    return order;
  }

  /** The signed-in buyer's orders, newest first (keyset paging). */
  async mine(rc: RequestContext, first: number | null | undefined, after: string | null | undefined) {
    const actor = rc.requireActor();
    const size = pageSize(first);
    const key = after ? this.cursors.decode(after, MY_ORDERS_KIND, ['timestamp', 'uuid'], 'after') : null;
    const [rows, total] = await Promise.all([
      this.orders.pageOfUser(actor.userId, key, size + 1),
      this.orders.countOfUser(actor.userId),
    ]);
    const connection: Connection<OrderModel> = toConnection(
      rows,
      size,
      total,
      (row) => this.cursors.encode(MY_ORDERS_KIND, [row.createdAtKey, row.id]),
      (row) => this.loaders.prime(rc, toOrderModel(row)),
    );
    return connection;
  }
}
