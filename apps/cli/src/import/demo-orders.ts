import type { INestApplicationContext } from '@nestjs/common';
import { normaliseEmail } from '@taawoun/identity';
import {
  CartService,
  CheckoutService,
  FulfilmentService,
  OrderPayments,
  OrderService,
  PaymentMethod,
  type CheckoutInput,
} from '@taawoun/orders';
import type { DemoData } from './demo-data.js';
import { actorOf, contextOf } from './importer.js';
import type { ImportServices } from './importer.js';

/** What the demo orders are made with: the same services as a buyer and a cooperative use. */
export interface DemoOrderServices {
  carts: CartService;
  checkout: CheckoutService;
  fulfilment: FulfilmentService;
  orders: OrderService;
  payments: OrderPayments;
  lookups: ImportServices;
}

export function demoOrderServices(app: INestApplicationContext, lookups: ImportServices): DemoOrderServices {
  return {
    carts: app.get(CartService),
    checkout: app.get(CheckoutService),
    fulfilment: app.get(FulfilmentService),
    orders: app.get(OrderService),
    payments: app.get(OrderPayments),
    lookups,
  };
}

/** The states the demo orders are taken to, in order; each order holds one item of two cooperatives. */
export const DEMO_ORDER_STATES = [
  'PLACED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'COMPLETED',
  'CANCELLED',
  'PENDING_PAYMENT',
] as const;
export type DemoOrderState = (typeof DEMO_ORDER_STATES)[number];

const ADDRESS = {
  fullName: 'Salma Bennani',
  phone: '+212 6 61 23 45 67',
  line1: '24 rue Ibn Batouta',
  city: 'Rabat',
  countryCode: 'MA',
};

/**
 * Demo orders in every state a buyer and cooperatives can reach (REFUNDED is the payments
 * issue's), made as on the platform: the demo buyer fills a cart and checks out (cash on delivery;
 * the card order, by the buyer abroad, waits for its payment and expires after CARD_HOLD_MINUTES
 * once a worker runs), the cooperatives ship and deliver, the buyer cancels one. Skipped
 * when the demo buyer already has orders, so a second run creates nothing. Answers the orders made.
 */
export async function seedDemoOrders(
  services: DemoOrderServices,
  data: DemoData,
): Promise<{ created: number; lines: string[] }> {
  const { lookups } = services;
  const userId = async (email: string) => {
    const user = await lookups.users.findByEmail(normaliseEmail(email));
    if (!user) throw new Error(`${email} is not imported`);
    return user.id;
  };
  const buyerEmail = data.users.find((u) => u.kind === 'buyer in Morocco')?.email;
  const abroadEmail = data.users.find((u) => u.kind === 'buyer abroad')?.email ?? buyerEmail;
  if (!buyerEmail || !abroadEmail) return { created: 0, lines: [] };
  const buyer = contextOf(actorOf(await userId(buyerEmail)));
  if ((await services.orders.mine(buyer, 1, null)).totalCount > 0) return { created: 0, lines: [] };

  // The first published product of the first two APPROVED cooperatives that have one.
  const approved = new Map(data.cooperatives.filter((c) => c.status === 'APPROVED').map((c) => [c.key, c]));
  const picks: { cooperativeId: string; variantId: string }[] = [];
  for (const p of data.products) {
    const coop = approved.get(p.cooperative);
    if (!coop || p.draft || picks.length === 2) continue;
    const row = await lookups.cooperativeRows.firstByRegistrationNumber(coop.registrationNumber);
    if (!row || picks.some((x) => x.cooperativeId === row.id)) continue;
    const variantId = (await lookups.variants.bySku(row.id, p.variants[0].sku))?.id;
    if (variantId) picks.push({ cooperativeId: row.id, variantId });
  }
  if (picks.length < 2) return { created: 0, lines: [] };

  const abroad = contextOf(actorOf(await userId(abroadEmail)));
  const made: string[] = [];
  for (const state of DEMO_ORDER_STATES) {
    const card = state === 'PENDING_PAYMENT';
    // Without Stripe keys card payments are unavailable: the demo runs with cash on delivery only.
    if (card && !services.payments.cardAvailable()) continue;
    const rc = card ? abroad : buyer;
    let cartId: string | null = null;
    for (const pick of picks) cartId = (await services.carts.add(rc, cartId, pick.variantId, 1)).id;
    const input: CheckoutInput = {
      cartId: cartId!,
      email: card ? abroadEmail : buyerEmail,
      shippingAddress: ADDRESS,
      paymentMethod: card ? PaymentMethod.CARD : PaymentMethod.CASH_ON_DELIVERY,
    };
    const { order } = await services.checkout.checkout(rc, input);
    const subOrders = await services.fulfilment.subOrdersOf(order.id);
    const shipCount = { PARTIALLY_SHIPPED: 1, SHIPPED: 2, COMPLETED: 2 }[state as string] ?? 0;
    for (const [i, sub] of subOrders.slice(0, shipCount).entries()) {
      await services.fulfilment.markShipped(sub.id, 'Amana', `DEMO${order.number.replace(/\D/g, '')}${i}MA`);
      if (state === 'COMPLETED') await services.fulfilment.markDelivered(sub.id);
    }
    if (state === 'CANCELLED')
      await services.fulfilment.cancelOrder(buyer, order.id, 'Commande passée en double');
    made.push(`${order.number} ${state}`);
  }
  return {
    created: made.length,
    lines: [`Demo orders of ${buyerEmail} / ${abroadEmail}: ${made.join(', ')}.`],
  };
}
