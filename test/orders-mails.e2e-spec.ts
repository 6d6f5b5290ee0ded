import { StripeTestServer } from './support/stripe-server/index.js';
import { Db, Jobs } from '@taawoun/core';
import { OrderMails, ORDER_HOLD_EXPIRY_JOB } from '@taawoun/orders';
import { addMembership, grantPlatformRole, signUp, type TestUser } from './support/actors.js';
import { newCooperative } from './support/factories.js';
import { startMailbox, tokenFrom, type Mailbox, type ReceivedEmail } from './support/mailbox.js';
import { newVariant, placeOrder, type PlacedOrder } from './support/order-fixtures.js';
import { ADD_TO_CART, ADDRESS, CHECKOUT } from './support/orders-fixtures.js';
import { startTestApi, type GraphqlResponse, type TestApi } from './support/test-api.js';

/**
 * The order e-mails, delivered by the outbox job to a real SMTP server in this process: queued in
 * the transaction of the change (none for a refused one), to the buyer in the order's language
 * and to each cooperative's owners and managers in theirs, with that cooperative's part only.
 */
let t: TestApi;
// CARD checkouts create a PaymentIntent: a local Stripe-compatible server stands in for Stripe.
let stripe: StripeTestServer;
let mailbox: Mailbox;
let buyer: TestUser;
let ownerX: TestUser;
let managerX: TestUser;
let staffX: TestUser;
let ownerY: TestUser;
let admin: TestUser;
let coopX: string;
let coopY: string;
let variantX: string;
let variantY: string;

beforeAll(async () => {
  mailbox = await startMailbox();
  stripe = await StripeTestServer.start({ webhookMode: 'manual' });
  t = await startTestApi({
    ...stripe.env(),
    RUN_JOBS: 'true',
    SMTP_URL: mailbox.url,
    PUBLIC_URL: 'https://taawoun.test',
  });
  [buyer, ownerX, managerX, staffX, ownerY, admin] = await Promise.all(
    ['Buyer', 'Owner X', 'Manager X', 'Staff X', 'Owner Y', 'Admin'].map((fullName) =>
      signUp(t, { fullName }),
    ),
  );
  coopX = (await newCooperative(t, { ownerId: ownerX.id, name: 'Argan Tiznit' })).id;
  coopY = (await newCooperative(t, { ownerId: ownerY.id, name: 'Miel Atlas' })).id;
  await addMembership(t, managerX.id, coopX, 'MANAGER');
  await addMembership(t, staffX.id, coopX, 'STAFF');
  await grantPlatformRole(t, admin.id, 'ADMIN');
  await t.sql(`UPDATE users SET preferred_language = 'en' WHERE id = $1`, [ownerX.id]);
  await t.sql(`UPDATE users SET preferred_language = 'ar' WHERE id = $1`, [managerX.id]);
  variantX = await newVariant(t, coopX, { stock: 100, price: 12050 });
  variantY = await newVariant(t, coopY, { stock: 100, price: 9000 });
});
afterAll(async () => {
  await stripe?.close();
  await t.close();
  await mailbox.close();
});

function place(options: { card?: boolean; guest?: boolean; language?: 'fr' | 'ar' | 'en' } = {}) {
  return placeOrder(t, {
    lines: [
      { variantId: variantX, quantity: 2 },
      { variantId: variantY, quantity: 1 },
    ],
    userId: options.guest ? null : buyer.id,
    email: options.guest ? 'guest@example.ma' : buyer.email,
    language: options.language ?? 'fr',
    paymentMethod: options.card ? 'CARD' : 'CASH_ON_DELIVERY',
  });
}

/** Who the outbox has queued messages of `template` for, about order `o`. */
async function queued(o: PlacedOrder, template?: string): Promise<string[]> {
  const rows = await t.sql<{ to_address: string; template: string }>(
    `SELECT to_address, template FROM email_outbox WHERE params->>'orderNumber' = $1 ORDER BY to_address`,
    [o.number],
  );
  return rows.filter((r) => !template || r.template === template).map((r) => r.to_address);
}

function mail(to: string, template: string, o: PlacedOrder): Promise<ReceivedEmail> {
  return mailbox.waitFor(
    (m) =>
      m.to.includes(to.toLowerCase()) &&
      m.header('X-Taawoun-Template') === template &&
      m.text.includes(o.number),
  );
}

const placed = (o: PlacedOrder, guestAccessToken?: string) =>
  t.api.app.get(Db).transaction(() => t.api.app.get(OrderMails).placed(o.id, { guestAccessToken }));

it("confirms a guest's order in its language with the link carrying its token, and tells each cooperative its part", async () => {
  const o = await place({ guest: true, language: 'ar' });
  await placed(o, 'guest-secret-token');

  const confirmation = await mail('guest@example.ma', 'order-placed', o);
  expect(confirmation.header('Content-Language')).toBe('ar');
  expect(tokenFrom(confirmation, `https://taawoun.test/orders/${o.number}`)).toBe('guest-secret-token');
  expect(confirmation.text).toContain('Argan Tiznit');
  expect(confirmation.text).toContain('Miel Atlas');

  const toOwner = await mail(ownerX.email, 'order-received', o);
  expect(toOwner.header('Content-Language')).toBe('en');
  expect(toOwner.text).toContain('2 × ');
  expect(toOwner.text).toContain('Total: MAD\u00a0271.00'); // 2 × 120.50 + 30.00 shipping
  expect(toOwner.text).not.toContain('Miel Atlas');
  expect(toOwner.text).not.toContain('guest-secret-token');
  expect((await mail(managerX.email, 'order-received', o)).header('Content-Language')).toBe('ar');
  const toY = await mail(ownerY.email, 'order-received', o);
  expect(toY.text).not.toContain('Argan Tiznit');

  expect(await queued(o, 'order-received')).toEqual([managerX.email, ownerX.email, ownerY.email].sort());
  // The staff member is told nothing; the sent message forgets the guest token.
  expect(await queued(o)).not.toContain(staffX.email);
  expect(mailbox.to(staffX.email).filter((m) => m.text.includes(o.number))).toEqual([]);
  const [row] = await t.sql<{ params: Record<string, unknown> }>(
    `SELECT params FROM email_outbox WHERE template = 'order-placed' AND params->>'orderNumber' = $1 AND status = 'sent'`,
    [o.number],
  );
  expect(row.params.token).toBeUndefined();
});

it("confirms a card order with its hold, and tells the cooperatives nothing until it is paid; a signed-in buyer's link has no token", async () => {
  const o = await place({ card: true, language: 'en' });
  await placed(o);
  const confirmation = await mail(buyer.email, 'order-placed', o);
  expect(confirmation.text).toContain('held for 30 minutes');
  expect(confirmation.text.trimEnd().endsWith(`\nhttps://taawoun.test/orders/${o.number}`)).toBe(true);
  expect(confirmation.text).not.toContain('token=');
  expect(await queued(o)).toEqual([buyer.email]);
});

it('tells the buyer the carrier and tracking number, then the delivery with the cash collected', async () => {
  const o = await place();
  const shipped = await t.gql(
    `mutation($id: ID!) { markSubOrderShipped(id: $id, carrier: "Amana", trackingNumber: "AM987654321MA") { status } }`,
    { id: o.of(coopX) },
    staffX.accessToken,
  );
  expect(shipped.errors).toBeUndefined();
  const notice = await mail(buyer.email, 'sub-order-shipped', o);
  expect(notice.header('Content-Language')).toBe('fr');
  expect(notice.text).toContain('Transporteur : Amana');
  expect(notice.text).toContain('Numéro de suivi : AM987654321MA');

  await t.gql(
    `mutation($id: ID!) { markSubOrderDelivered(id: $id) { status } }`,
    { id: o.of(coopX) },
    ownerX.accessToken,
  );
  const delivered = await mail(buyer.email, 'sub-order-delivered', o);
  expect(delivered.text).toContain('Montant payé à la livraison : 271,00\u00a0MAD');
});

it('queues nothing for a refused move', async () => {
  const o = await place();
  const res = await t.gql(
    `mutation($id: ID!) { markSubOrderDelivered(id: $id) { status } }`,
    { id: o.of(coopX) },
    ownerX.accessToken,
  );
  expect(res.errors![0].extensions!.code).toBe('INVALID_STATE_TRANSITION');
  expect(await queued(o)).toEqual([]);
});

it("an admin's cancel of a part tells the buyer and that cooperative's owners and managers, not the other", async () => {
  const o = await place();
  const res = await t.gql(
    `mutation($id: ID!) { cancelSubOrder(id: $id, reason: "Produit retiré") { status } }`,
    { id: o.of(coopX) },
    admin.accessToken,
  );
  expect(res.errors).toBeUndefined();
  const toBuyer = await mail(buyer.email, 'sub-order-cancelled', o);
  expect(toBuyer.text).toContain("par l'équipe Taawoun");
  expect(toBuyer.text).toContain('Motif: Produit retiré');
  const toOwner = await mail(ownerX.email, 'sub-order-cancelled', o);
  expect(toOwner.text).toContain('Do not ship it');
  expect(await queued(o, 'sub-order-cancelled')).toEqual([buyer.email, managerX.email, ownerX.email].sort());
});

it("the buyer's cancel of the whole order: one notice to the buyer, one to each cooperative", async () => {
  const o = await place();
  const res = await t.gql(
    `mutation($id: ID!) { cancelOrder(id: $id) { status } }`,
    { id: o.id },
    buyer.accessToken,
  );
  expect(res.errors).toBeUndefined();
  expect((await mail(buyer.email, 'order-cancelled', o)).text).toContain("par l'acheteur");
  expect(await queued(o, 'order-cancelled')).toEqual([buyer.email]);
  expect(await queued(o, 'sub-order-cancelled')).toEqual([managerX.email, ownerX.email, ownerY.email].sort());
});

it('a cooperative cancelling its own part tells the buyer only', async () => {
  const o = await place();
  await t.gql(
    `mutation($id: ID!) { cancelSubOrder(id: $id, reason: "Rupture") { status } }`,
    { id: o.of(coopY) },
    ownerY.accessToken,
  );
  await mail(buyer.email, 'sub-order-cancelled', o);
  expect(await queued(o)).toEqual([buyer.email]);
});

it('tells the buyer when an unpaid card order expired', async () => {
  const o = await place({ card: true, language: 'en' });
  await t.sql(`UPDATE orders SET created_at = now() - interval '31 minutes' WHERE id = $1`, [o.id]);
  await t.api.app.get(Jobs).runNow(ORDER_HOLD_EXPIRY_JOB, { orderId: o.id });
  const notice = await mail(buyer.email, 'order-expired', o);
  expect(notice.text).toContain('did not arrive within 30 minutes');
  expect(await queued(o)).toEqual([buyer.email]);
});

interface CheckoutData {
  checkout: { guestAccessToken: string | null; order: { id: string; number: string } };
}

describe('through checkout over HTTP', () => {
  /** A cart holding one unit of each variant, checked out; answers the response. */
  async function checkout(
    variantIds: string[],
    options: { token?: string; email: string; card?: boolean },
  ): Promise<GraphqlResponse<CheckoutData>> {
    let cartId: string | null = null;
    for (const variantId of variantIds) {
      const res: GraphqlResponse<{ addToCart: { id: string } }> = await t.gql<{ addToCart: { id: string } }>(
        ADD_TO_CART,
        { cartId, variantId, quantity: 1 },
        options.token,
      );
      if (!res.data) throw new Error(JSON.stringify(res.errors));
      cartId = res.data.addToCart.id;
    }
    const res = await t.gql<{
      checkout: { guestAccessToken: string | null; order: { id: string; number: string } };
    }>(
      CHECKOUT,
      {
        input: {
          cartId,
          email: options.email,
          shippingAddress: ADDRESS,
          paymentMethod: options.card ? 'CARD' : 'CASH_ON_DELIVERY',
        },
      },
      options.token,
    );
    expect(res.errors).toBeUndefined();
    return res;
  }

  it("a guest's confirmation carries the link that opens the order", async () => {
    const res = await checkout([variantX], { email: 'guest-http@example.ma' });
    const { order, guestAccessToken } = res.data!.checkout;
    const confirmation = await mailbox.waitFor(
      (m) => m.to.includes('guest-http@example.ma') && m.text.includes(order.number),
    );
    const token = tokenFrom(confirmation, `https://taawoun.test/orders/${order.number}`);
    expect(token).toBe(guestAccessToken);
    const read = await t.gql<{ order: { id: string } | null }>(
      `query($n: String, $t: String) { order(number: $n, guestAccessToken: $t) { id } }`,
      { n: order.number, t: token },
    );
    expect(read.data!.order!.id).toBe(order.id);
    await mailbox.waitFor((m) => m.to.includes(ownerX.email) && m.text.includes(order.number));
    // Opened later while signed in (any account), the link still shows the whole order.
    const signedIn = await t.gql<{ order: { subOrders: { id: string }[] } | null }>(
      `query($n: String, $t: String) { order(number: $n, guestAccessToken: $t) { subOrders { id } } }`,
      { n: order.number, t: token },
      buyer.accessToken,
    );
    expect(signedIn.data!.order!.subOrders).toHaveLength(1);
  });

  it('a card checkout schedules its hold expiry in its transaction', async () => {
    const res = await checkout([variantY], { email: buyer.email, token: buyer.accessToken, card: true });
    const jobs = await t.sql(`SELECT 1 FROM pgboss.job WHERE name = $1 AND data->>'orderId' = $2`, [
      ORDER_HOLD_EXPIRY_JOB,
      res.data!.checkout.order.id,
    ]);
    expect(jobs).toHaveLength(1);
  });

  it('queues its e-mails in a number of statements that does not grow with the cooperatives and their managers', async () => {
    const coops = await Promise.all([0, 1, 2].map(() => newCooperative(t)));
    const variants: string[] = [];
    for (const c of coops) {
      const manager = await signUp(t, { fullName: 'Manager' });
      await addMembership(t, manager.id, c.id, 'MANAGER');
      variants.push(await newVariant(t, c.id, { stock: 50 }));
    }
    const statements = async (variantIds: string[]) => {
      const res = await checkout(variantIds, { email: buyer.email, token: buyer.accessToken });
      const outbox = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM email_outbox WHERE params->>'orderNumber' = $1`,
        [res.data!.checkout.order.number],
      );
      return { statements: Number(res.headers.get('x-sql-queries')), mails: outbox[0].n };
    };
    await statements([variants[0]]); // warms the job queue's cache
    const one = await statements([variants[0]]);
    const three = await statements(variants);
    expect([one.mails, three.mails]).toEqual([1 + 2, 1 + 3 * 2]);
    expect(three.statements).toBe(one.statements);
  });
});
