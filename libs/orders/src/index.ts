export * from './orders.module.js';
export * from './orders/order-status.js';
export * from './orders/order.entity.js';
export * from './orders/sub-order.entity.js';
export * from './orders/order-line.entity.js';
export * from './orders/order.model.js';
export * from './orders/order.service.js';
export * from './carts/cart.entity.js';
export * from './carts/cart-line.entity.js';
export * from './carts/cart.model.js';
export * from './checkout/checkout.input.js';
export * from './checkout/checkout.model.js';
export { CartService } from './carts/cart.service.js';
export { CheckoutService } from './checkout/checkout.service.js';
export * from './fulfilment/order-state.js';
export {
  FulfilmentService,
  ORDER_HOLD_EXPIRY_JOB,
  ORDER_HOLD_SWEEP_JOB,
} from './fulfilment/fulfilment.service.js';
export { OrderLoaders } from './orders/order.loaders.js';
export { OrderMails, type CancelledPart } from './notifications/order-mails.js';
export * from './payments/order-payments.js';
export type { SubOrderRow, OrderRow } from './orders/order.repository.js';
export type { LockedOrderRow } from './fulfilment/fulfilment.repository.js';
import { CartLineEntity } from './carts/cart-line.entity.js';
import { CartEntity } from './carts/cart.entity.js';
import { OrderLineEntity } from './orders/order-line.entity.js';
import { OrderEntity } from './orders/order.entity.js';
import { SubOrderEntity } from './orders/sub-order.entity.js';

/** The TypeORM entities of this lib, for the data source. */
export const ORDERS_ENTITIES = [OrderEntity, SubOrderEntity, OrderLineEntity, CartEntity, CartLineEntity];
