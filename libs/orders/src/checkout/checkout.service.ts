import { Injectable } from '@nestjs/common';
import { StockService, VariantService, type PurchasableVariant } from '@taawoun/catalog';
import { CooperativeService, type SalesTermsRow } from '@taawoun/cooperatives';
import {
  AppConfig,
  basisPointsOf,
  BadUserInputError,
  Db,
  DEFAULT_LANGUAGE,
  isUuid,
  pgError,
  type LanguageCode,
  type RequestContext,
} from '@taawoun/core';
import { emailProblem, normaliseEmail, UserRepository } from '@taawoun/identity';
import { CartRepository, type CartLineRow } from '../carts/cart.repository.js';
import { FulfilmentService } from '../fulfilment/fulfilment.service.js';
import { OrderMails } from '../notifications/order-mails.js';
import type { AddressValue } from '../orders/order.entity.js';
import { OrderStatus, PaymentMethod, SubOrderStatus } from '../orders/order-status.js';
import { OrderService } from '../orders/order.service.js';
import { OrderPayments } from '../payments/order-payments.js';
import type { CheckoutInput } from './checkout.input.js';
import { guestTokenHash, newGuestToken } from './guest-token.js';
import type { CheckoutResultModel } from './checkout.model.js';
import { CheckoutRepository, type NewOrderLine, type NewSubOrder } from './checkout.repository.js';

/** Attempts of a checkout transaction that PostgreSQL aborted as a deadlock or serialization failure. */
export const CHECKOUT_ATTEMPTS = 4;
const RETRYABLE = new Set(['40001', '40P01']);

/** What one checkout transaction decided. */
interface Placed {
  orderId: string;
  guestAccessToken: string | null;
}

function mad(centimes: number): string {
  return `${Math.floor(centimes / 100)}.${String(centimes % 100).padStart(2, '0')} MAD`;
}

/**
 * Turns a cart into an order in ONE transaction with a bounded number of statements whatever the
 * cart holds: lock the cart row (a second or concurrent checkout of the same cart waits, then
 * answers the order the first one made), read the lines and re-price them at the current prices
 * (one statement), read the cooperatives' terms (one), take the stock of every line in one
 * conditional UPDATE (row locks in variant-id order; a line short of stock is OUT_OF_STOCK naming
 * its variants, and the rollback returns what the others took), write the order, its sub-orders
 * (one per cooperative) and lines with their snapshots in one statement, and mark the cart
 * converted. Deadlocks and serialization failures are retried a bounded number of times.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly db: Db,
    private readonly config: AppConfig,
    private readonly carts: CartRepository,
    private readonly checkouts: CheckoutRepository,
    private readonly variants: VariantService,
    private readonly stock: StockService,
    private readonly cooperatives: CooperativeService,
    private readonly users: UserRepository,
    private readonly orders: OrderService,
    private readonly fulfilment: FulfilmentService,
    private readonly mails: OrderMails,
    private readonly payments: OrderPayments,
  ) {}

  async checkout(rc: RequestContext, input: CheckoutInput): Promise<CheckoutResultModel> {
    const problem = emailProblem(input.email);
    if (problem) throw BadUserInputError.field('email', problem);
    const email = normaliseEmail(input.email);
    if (!isUuid(input.cartId)) throw BadUserInputError.field('cartId', 'there is no such cart');
    const userId = rc.actor?.userId ?? null;
    let language: LanguageCode = DEFAULT_LANGUAGE;
    if (userId) {
      const user = await this.users.findById(userId);
      if (!user || user.email !== email)
        throw BadUserInputError.field('email', 'must be the e-mail address of your account');
      language = user.preferredLanguage;
    }
    const address = addressOf(input);
    // No card provider (no Stripe keys): CARD is refused before anything is taken or written.
    this.payments.requireAvailable(input.paymentMethod);
    let placed: Placed | undefined;
    for (let attempt = 1; !placed; attempt += 1) {
      try {
        placed = await this.db.transaction(() =>
          this.place(input.cartId, userId, email, language, address, input.paymentMethod),
        );
      } catch (error) {
        if (attempt >= CHECKOUT_ATTEMPTS || !RETRYABLE.has(pgError(error).code ?? '')) throw error;
      }
    }
    const order = await this.orders.load(rc, placed.orderId);
    // A card order waiting for its payment gets the client secret of its PaymentIntent, created
    // after the commit (no provider call holds the cart and stock locks) and keyed by the order,
    // so a retried or repeated checkout of the same cart answers the same PaymentIntent.
    let paymentClientSecret: string | null = null;
    if (order.paymentMethod === PaymentMethod.CARD && order.status === OrderStatus.PENDING_PAYMENT) {
      ({ clientSecret: paymentClientSecret } = await this.payments.startCard({
        id: order.id,
        number: order.number,
        email: order.email,
        paymentMethod: order.paymentMethod,
        totalAmount: order.total.amount,
        currency: order.total.currency,
      }));
    }
    return { order, paymentClientSecret, guestAccessToken: placed.guestAccessToken };
  }

  private async place(
    cartId: string,
    userId: string | null,
    email: string,
    language: LanguageCode,
    address: AddressValue,
    paymentMethod: PaymentMethod,
  ): Promise<Placed> {
    const cart = await this.carts.lock(cartId);
    if (!cart || (cart.userId && cart.userId !== userId))
      throw BadUserInputError.field('cartId', 'there is no such cart');
    if (cart.orderId) {
      // The same checkout again (a double click, a retry, a concurrent call that waited on the
      // cart lock): the order it made, to the same e-mail only.
      if ((await this.checkouts.emailOf(cart.orderId)) !== email)
        throw BadUserInputError.field('cartId', 'this cart has already been checked out');
      return { orderId: cart.orderId, guestAccessToken: null };
    }
    const lines = await this.carts.lines(cart.id);
    const variants = new Map(
      (
        await this.variants.purchasable(
          lines.map((l) => l.variantId),
          language,
        )
      ).map((v) => [v.id, v]),
    );
    const bought = lines.filter((l) => variants.has(l.variantId));
    if (bought.length === 0) throw BadUserInputError.field('cartId', 'the cart is empty');

    const { subOrders, orderLines } = await this.split(bought, variants);
    await this.stock.take(
      bought.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      'checkout',
      userId,
    );
    const guestAccessToken = userId ? null : newGuestToken();
    const card = paymentMethod === PaymentMethod.CARD;
    const order = await this.checkouts.createOrder({
      userId,
      email,
      language,
      status: card ? OrderStatus.PENDING_PAYMENT : OrderStatus.PLACED,
      subOrderStatus: card ? SubOrderStatus.PENDING_PAYMENT : SubOrderStatus.AWAITING_FULFILMENT,
      paymentMethod,
      shippingAddress: address,
      subtotal: subOrders.reduce((sum, s) => sum + s.subtotal, 0),
      shipping: subOrders.reduce((sum, s) => sum + s.shippingFee, 0),
      guestTokenHash: guestAccessToken ? guestTokenHash(guestAccessToken) : null,
      subOrders,
      lines: orderLines,
    });
    await this.carts.convert(cart.id, order.id);
    await this.payments.placed({
      id: order.id,
      number: order.number,
      email,
      paymentMethod,
      totalAmount: subOrders.reduce((sum, s) => sum + s.subtotal + s.shippingFee, 0),
      currency: 'MAD',
    });
    // In this transaction: a CARD order's hold expiry job, the buyer's confirmation and the
    // cooperatives' new-order notices (both built on h/ob).
    if (card) await this.fulfilment.scheduleHoldExpiry(order.id);
    await this.mails.placed(order.id, { guestAccessToken });
    return { orderId: order.id, guestAccessToken };
  }

  /**
   * One sub-order per cooperative: subtotal at current prices, the flat shipping fee unless the
   * subtotal reaches the cooperative's free-shipping threshold, the commission at its current
   * rate on the subtotal; a sub-order below the cooperative's minimum is refused (nothing taken).
   */
  private async split(
    lines: readonly CartLineRow[],
    variants: ReadonlyMap<string, PurchasableVariant>,
  ): Promise<{ subOrders: NewSubOrder[]; orderLines: NewOrderLine[] }> {
    const orderLines = lines.map((line) => {
      const v = variants.get(line.variantId)!;
      return {
        cooperativeId: v.cooperativeId,
        variantId: v.id,
        productName: v.productName,
        sku: v.sku,
        quantity: line.quantity,
        unitPrice: v.priceAmount,
      };
    });
    const subtotals = new Map<string, number>();
    for (const l of orderLines)
      subtotals.set(l.cooperativeId, (subtotals.get(l.cooperativeId) ?? 0) + l.unitPrice * l.quantity);
    const terms = new Map<string, SalesTermsRow>(
      (await this.cooperatives.salesTerms([...subtotals.keys()])).map((t) => [t.id, t]),
    );
    const subOrders = [...subtotals].map(([cooperativeId, subtotal]) => {
      const t = terms.get(cooperativeId)!;
      if (t.minimumOrderAmount !== null && subtotal < t.minimumOrderAmount)
        throw BadUserInputError.field(
          'cartId',
          `${t.name} accepts orders from ${mad(t.minimumOrderAmount)}; its items come to ${mad(subtotal)}`,
        );
      const free = t.freeShippingThreshold !== null && subtotal >= t.freeShippingThreshold;
      return {
        cooperativeId,
        subtotal,
        shippingFee: free ? 0 : this.config.SHIPPING_FLAT_FEE_CENTIMES,
        commissionRateBps: t.commissionRateBps,
        commission: basisPointsOf(subtotal, t.commissionRateBps),
      };
    });
    return { subOrders, orderLines };
  }
}

function addressOf(input: CheckoutInput): AddressValue {
  const a = input.shippingAddress;
  return {
    fullName: a.fullName,
    phone: a.phone,
    line1: a.line1,
    line2: a.line2 ?? null,
    city: a.city,
    provinceCode: a.provinceCode ?? null,
    postalCode: a.postalCode ?? null,
    countryCode: a.countryCode,
  };
}
