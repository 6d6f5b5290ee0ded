import { money } from '@taawoun/core';
import type { OrderLineModel, OrderModel, SubOrderModel } from './order.model.js';
import type { OrderLineRow, OrderRow, SubOrderRow } from './order.repository.js';
import { OrderStatus, PaymentMethod, PaymentStatus, type SubOrderStatus } from './order-status.js';

/**
 * The payment as the order alone tells it (issue 11 adds the provider's side): cash needs no
 * payment up front, a card is PENDING while the order waits for it.
 */
function paymentStatusOf(row: OrderRow): PaymentStatus {
  if ((row.paymentMethod as PaymentMethod) === PaymentMethod.CASH_ON_DELIVERY)
    return PaymentStatus.NOT_REQUIRED;
  const status = row.status as OrderStatus;
  return status === OrderStatus.PENDING_PAYMENT || status === OrderStatus.CANCELLED
    ? PaymentStatus.PENDING
    : PaymentStatus.SUCCEEDED;
}

export function toOrderModel(row: OrderRow): OrderModel {
  return {
    id: row.id,
    number: row.number,
    status: row.status as OrderStatus,
    email: row.email,
    shippingAddress: {
      fullName: row.shippingAddress.fullName,
      phone: row.shippingAddress.phone,
      line1: row.shippingAddress.line1,
      line2: row.shippingAddress.line2 ?? null,
      city: row.shippingAddress.city,
      provinceCode: row.shippingAddress.provinceCode ?? null,
      postalCode: row.shippingAddress.postalCode ?? null,
      countryCode: row.shippingAddress.countryCode,
    },
    total: money(row.totalAmount, row.currency),
    payment: {
      method: row.paymentMethod as PaymentMethod,
      status: paymentStatusOf(row),
      amount: money(row.totalAmount, row.currency),
      refunded: money(0, row.currency),
    },
    createdAt: row.createdAt,
    userId: row.userId,
    paymentMethod: row.paymentMethod as PaymentMethod,
  };
}

export function toSubOrderModel(row: SubOrderRow): SubOrderModel {
  return {
    id: row.id,
    status: row.status as SubOrderStatus,
    subtotal: money(row.subtotalAmount, row.currency),
    shippingFee: money(row.shippingFeeAmount, row.currency),
    total: money(row.totalAmount, row.currency),
    commission: money(row.commissionAmount, row.currency),
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    orderId: row.orderId,
    cooperativeId: row.cooperativeId,
    commissionRateBps: row.commissionRateBps,
    createdAt: row.createdAt,
  };
}

export function toOrderLineModel(row: OrderLineRow): OrderLineModel {
  return {
    id: row.id,
    productName: row.productName,
    sku: row.sku,
    quantity: row.quantity,
    unitPrice: money(row.unitPriceAmount, row.currency),
    lineTotal: money(row.lineTotalAmount, row.currency),
    variantId: row.variantId,
    subOrderId: row.subOrderId,
  };
}
