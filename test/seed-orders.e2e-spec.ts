import { loadDemoData } from '../apps/cli/src/import/demo-data.js';
import { DEMO_ORDER_STATES, demoOrderServices, seedDemoOrders } from '../apps/cli/src/import/demo-orders.js';
import { Importer, importServices } from '../apps/cli/src/import/importer.js';
import { StripeTestServer } from './support/stripe-server/index.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/** The demo seed's orders: one in every state a buyer and cooperatives reach, made through the services, once. */
let t: TestApi;
// The demo's card order creates a PaymentIntent: a local Stripe-compatible server stands in for Stripe.
let stripe: StripeTestServer;
afterAll(async () => {
  await t?.close();
  await stripe?.close();
});

it('makes an order in every state through the services, and a second run makes none', async () => {
  stripe = await StripeTestServer.start({ webhookMode: 'manual' });
  t = await startTestApi(stripe.env());
  const data = loadDemoData();
  const services = importServices(t.api.app);
  await new Importer(services).importAll(data);
  const first = await seedDemoOrders(demoOrderServices(t.api.app, services), data);
  expect(first.created).toBe(DEMO_ORDER_STATES.length);

  const orders = await t.sql<{ status: string; subs: string[]; movements: number }>(
    `SELECT o.status, array_agg(s.status ORDER BY s.status) AS subs,
            (SELECT count(*)::int FROM stock_movements m WHERE m.reason LIKE 'Order ' || o.number || '%') AS movements
       FROM orders o JOIN sub_orders s ON s.order_id = o.id GROUP BY o.id ORDER BY o.created_at`,
  );
  expect(orders.map((o) => o.status)).toEqual([...DEMO_ORDER_STATES]);
  expect(orders.map((o) => o.subs)).toEqual([
    ['AWAITING_FULFILMENT', 'AWAITING_FULFILMENT'],
    ['AWAITING_FULFILMENT', 'SHIPPED'],
    ['SHIPPED', 'SHIPPED'],
    ['DELIVERED', 'DELIVERED'],
    ['CANCELLED', 'CANCELLED'],
    ['PENDING_PAYMENT', 'PENDING_PAYMENT'],
  ]);
  // The cancelled order returned its two units (stock moves of its cancellation).
  expect(orders[4].movements).toBe(2);
  const [holds] = await t.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'orders.hold-expiry'`,
  );
  expect(holds.n).toBe(1);

  const again = await seedDemoOrders(demoOrderServices(t.api.app, services), data);
  expect(again.created).toBe(0);
  expect(await t.sql(`SELECT 1 FROM orders`)).toHaveLength(DEMO_ORDER_STATES.length);
});
