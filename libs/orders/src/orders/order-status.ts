import { registerEnumType } from '@nestjs/graphql';

/** How a buyer pays: by card (held stock until paid) or in cash to the carrier. */
export enum PaymentMethod {
  CARD = 'CARD',
  CASH_ON_DELIVERY = 'CASH_ON_DELIVERY',
}
registerEnumType(PaymentMethod, { name: 'PaymentMethod' });

/** An order's status, derived from its sub-orders once placed. */
export enum OrderStatus {
  PENDING_PAYMENT = 'PENDING_PAYMENT',
  PLACED = 'PLACED',
  PARTIALLY_SHIPPED = 'PARTIALLY_SHIPPED',
  SHIPPED = 'SHIPPED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(OrderStatus, { name: 'OrderStatus' });

/** The part of an order one cooperative ships. */
export enum SubOrderStatus {
  PENDING_PAYMENT = 'PENDING_PAYMENT',
  AWAITING_FULFILMENT = 'AWAITING_FULFILMENT',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(SubOrderStatus, { name: 'SubOrderStatus' });

export enum PaymentStatus {
  NOT_REQUIRED = 'NOT_REQUIRED',
  PENDING = 'PENDING',
  AUTHORIZED = 'AUTHORIZED',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  REFUNDED = 'REFUNDED',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
}
registerEnumType(PaymentStatus, { name: 'PaymentStatus' });
