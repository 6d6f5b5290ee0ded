import { Injectable } from '@nestjs/common';
import { AppConfig, money } from '@taawoun/core';
import {
  Outbox,
  type EmailRequest,
  type CancelledBy,
  type OrderMailLine,
  type OrderMailPart,
  type OrderMailPaymentMethod,
} from '@taawoun/notifications';
import {
  OrderMailRepository,
  type OrderMailHeaderRow,
  type OrderMailLineRow,
  type OrderMailPartRow,
} from './order-mail.repository.js';

/** A sub-order a cancellation moved, with the state it left. */
export interface CancelledPart {
  subOrderId: string;
  previousStatus: string;
}

function lineOf(row: OrderMailLineRow, currency: string): OrderMailLine {
  return {
    productName: row.productName,
    sku: row.sku,
    quantity: row.quantity,
    unitPrice: money(row.unitPriceAmount, currency),
    lineTotal: money(row.lineTotalAmount, currency),
  };
}

function partOf(row: OrderMailPartRow): OrderMailPart {
  return {
    cooperativeName: row.cooperativeName,
    lines: row.lines.map((l) => lineOf(l, row.currency)),
    subtotal: money(row.subtotalAmount, row.currency),
    shippingFee: money(row.shippingFeeAmount, row.currency),
    total: money(row.totalAmount, row.currency),
  };
}

/**
 * The order e-mails. Each method reads what it needs and queues the messages through the outbox
 * in the CURRENT transaction (call it inside the transaction that made the change), so a
 * message exists exactly when its change commits. The buyer writes in the order's language;
 * each cooperative's owners and managers in their own.
 */
@Injectable()
export class OrderMails {
  constructor(
    private readonly rows: OrderMailRepository,
    private readonly outbox: Outbox,
    private readonly config: AppConfig,
  ) {}

  /**
   * The buyer's confirmation (a guest's carries the link with `guestAccessToken`, which only
   * checkout knows: the order stores its hash), and the new-order notice to every cooperative
   * whose part is awaiting fulfilment (a CARD order's parts wait for the payment: see {@link received}).
   */
  async placed(orderId: string, options: { guestAccessToken?: string | null } = {}): Promise<void> {
    const order = await this.header({ orderId });
    const parts = await this.rows.parts(orderId);
    const pending = order.status === 'PENDING_PAYMENT';
    const confirmation: EmailRequest<'order-placed'> = {
      to: order.email,
      language: order.language,
      template: 'order-placed',
      params: {
        ...this.buyer(order),
        ...(options.guestAccessToken ? { token: options.guestAccessToken } : {}),
        paymentMethod: order.paymentMethod,
        ...(pending ? { awaitingPaymentMinutes: this.config.CARD_HOLD_MINUTES } : {}),
        parts: parts.map(partOf),
        total: money(order.totalAmount, order.currency),
      },
    };
    await this.outbox.enqueueMany([confirmation, ...(await this.toCooperatives(order, parts))]);
  }

  /**
   * The new-order notice to the owners and managers of every cooperative whose part is awaiting
   * fulfilment: at checkout for cash on delivery, when the payment succeeds for a card.
   */
  async received(orderId: string): Promise<void> {
    const order = await this.header({ orderId });
    await this.outbox.enqueueMany(await this.toCooperatives(order, await this.rows.parts(orderId)));
  }

  /** The buyer's notice that one cooperative shipped its part (carrier, tracking number). */
  async shipped(subOrderId: string): Promise<void> {
    const order = await this.header({ subOrderId });
    const part = await this.part(order, subOrderId);
    await this.outbox.enqueue({
      to: order.email,
      language: order.language,
      template: 'sub-order-shipped',
      params: {
        ...this.buyer(order),
        cooperativeName: part.cooperativeName,
        carrier: part.carrier ?? '',
        trackingNumber: part.trackingNumber ?? '',
        lines: part.lines.map((l) => lineOf(l, part.currency)),
      },
    });
  }

  /** The buyer's notice that one cooperative's part arrived (with the cash paid, for cash on delivery). */
  async delivered(subOrderId: string): Promise<void> {
    const order = await this.header({ subOrderId });
    const part = await this.part(order, subOrderId);
    await this.outbox.enqueue({
      to: order.email,
      language: order.language,
      template: 'sub-order-delivered',
      params: {
        ...this.buyer(order),
        cooperativeName: part.cooperativeName,
        ...(order.paymentMethod === 'CASH_ON_DELIVERY'
          ? { cashCollected: money(part.totalAmount, part.currency) }
          : {}),
      },
    });
  }

  /**
   * A cancellation: the buyer learns that the whole order is cancelled (when nothing of it is
   * left) or which parts are; each cooperative that had been told about its part (it was awaiting
   * fulfilment) learns not to ship it, unless it cancelled the part itself.
   */
  async cancelled(
    orderId: string,
    cancelled: readonly CancelledPart[],
    by: CancelledBy,
    reason: string | null,
  ): Promise<void> {
    if (cancelled.length === 0) return;
    const order = await this.header({ orderId });
    const parts = await this.rows.parts(orderId);
    const ids = new Set(cancelled.map((c) => c.subOrderId));
    const moved = parts.filter((p) => ids.has(p.id));
    const paymentMethod: OrderMailPaymentMethod = order.paymentMethod;
    const why = reason ? { reason } : {};
    const mails: EmailRequest[] = [];
    if (parts.every((p) => p.status === 'CANCELLED')) {
      mails.push({
        to: order.email,
        language: order.language,
        template: 'order-cancelled',
        params: { ...this.buyer(order), cancelledBy: by, ...why, parts: moved.map(partOf), paymentMethod },
      });
    } else {
      for (const part of moved)
        mails.push({
          to: order.email,
          language: order.language,
          template: 'sub-order-cancelled',
          params: {
            ...this.buyer(order),
            recipient: 'BUYER',
            cancelledBy: by,
            ...why,
            part: partOf(part),
            paymentMethod,
          },
        });
    }
    // The cooperatives told of their part (it was awaiting fulfilment), unless one cancelled it itself.
    const told = new Set(
      cancelled.filter((c) => c.previousStatus === 'AWAITING_FULFILMENT').map((c) => c.subOrderId),
    );
    const toTell = by === 'COOPERATIVE' ? [] : moved.filter((p) => told.has(p.id));
    const recipients = await this.rows.recipients(toTell.map((p) => p.cooperativeId));
    for (const part of toTell)
      for (const to of recipients.filter((r) => r.cooperativeId === part.cooperativeId))
        mails.push({
          to: to.email,
          language: to.language,
          template: 'sub-order-cancelled',
          params: {
            fullName: order.fullName,
            orderNumber: order.number,
            recipient: 'COOPERATIVE',
            cancelledBy: by,
            ...why,
            part: partOf(part),
            paymentMethod,
          },
        });
    await this.outbox.enqueueMany(mails);
  }

  /** The buyer's notice that an unpaid CARD order was cancelled when its hold ran out. */
  async expired(orderId: string): Promise<void> {
    const order = await this.header({ orderId });
    await this.outbox.enqueue({
      to: order.email,
      language: order.language,
      template: 'order-expired',
      params: {
        ...this.buyer(order),
        holdMinutes: this.config.CARD_HOLD_MINUTES,
        total: money(order.totalAmount, order.currency),
      },
    });
  }

  /** The buyer's receipt of a card payment (payments calls it when the payment succeeds). */
  async paymentReceived(orderId: string): Promise<void> {
    const order = await this.header({ orderId });
    await this.outbox.enqueue({
      to: order.email,
      language: order.language,
      template: 'payment-received',
      params: { ...this.buyer(order), total: money(order.totalAmount, order.currency) },
    });
  }

  /** The buyer's notice of a refund of `amount` centimes of one part (payments calls it when it succeeds). */
  async refunded(subOrderId: string, amount: number): Promise<void> {
    const order = await this.header({ subOrderId });
    const part = await this.part(order, subOrderId);
    await this.outbox.enqueue({
      to: order.email,
      language: order.language,
      template: 'refund-issued',
      params: {
        ...this.buyer(order),
        cooperativeName: part.cooperativeName,
        amount: money(amount, order.currency),
      },
    });
  }

  /** The new-order notices of the parts awaiting fulfilment, to their cooperatives' owners and managers. */
  private async toCooperatives(
    order: OrderMailHeaderRow,
    parts: OrderMailPartRow[],
  ): Promise<EmailRequest<'order-received'>[]> {
    const awaiting = parts.filter((p) => p.status === 'AWAITING_FULFILMENT');
    const recipients = await this.rows.recipients(awaiting.map((p) => p.cooperativeId));
    return awaiting.flatMap((part) =>
      recipients
        .filter((r) => r.cooperativeId === part.cooperativeId)
        .map((to) => ({
          to: to.email,
          language: to.language,
          template: 'order-received',
          params: {
            cooperativeName: part.cooperativeName,
            orderNumber: order.number,
            paymentMethod: order.paymentMethod,
            part: partOf(part),
            commission: money(part.commissionAmount, part.currency),
            shipToCity: order.city,
          },
        })),
    );
  }

  private buyer(order: OrderMailHeaderRow) {
    return { fullName: order.fullName, orderNumber: order.number };
  }

  private async header(ref: { orderId: string } | { subOrderId: string }): Promise<OrderMailHeaderRow> {
    const order = await this.rows.header(ref);
    if (!order) throw new Error(`No order for ${JSON.stringify(ref)}`);
    return order;
  }

  private async part(order: OrderMailHeaderRow, subOrderId: string): Promise<OrderMailPartRow> {
    const part = (await this.rows.parts(order.id)).find((p) => p.id === subOrderId);
    if (!part) throw new Error(`No sub-order ${subOrderId} in order ${order.id}`);
    return part;
  }
}
