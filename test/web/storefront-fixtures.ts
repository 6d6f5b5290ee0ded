// Data for the storefront journeys: two approved cooperatives, each with a published product named
// in French, Arabic and English, created through the domain services (test/support/factories.ts).
import { FACTORY_PASSWORD, newCertification, newCooperative, newProduct } from '../support/factories.js';
import { loginOk } from '../support/identity-fixtures.js';
import type { TestApi } from '../support/test-api.js';

export interface StorefrontData {
  honey: { slug: string; cooperativeName: string; ownerId: string };
  argan: { slug: string; cooperativeName: string; ownerId: string };
}

async function slugOf(t: TestApi, id: string): Promise<string> {
  const res = await t.gql<{ product: { slug: string } }>('query($id: ID!) { product(id: $id) { slug } }', {
    id,
  });
  return res.data!.product.slug;
}

export async function seedStorefront(t: TestApi, suffix: string): Promise<StorefrontData> {
  const nahla = await newCooperative(t, { name: `Coopérative Nahla ${suffix}`, sector: 'BEEKEEPING' });
  const tiznit = await newCooperative(t, { name: `Coopérative Tiznit ${suffix}`, sector: 'COSMETICS' });
  const onssa = await newCertification(t, nahla.id, { type: 'FOOD_SAFETY_AUTHORIZATION' });
  const honey = await newProduct(t, nahla.id, {
    category: 'honey',
    name: { fr: `Miel de thym ${suffix}`, ar: `عسل الزعتر ${suffix}`, en: `Thyme honey ${suffix}` },
    variants: [{ value: '500g', price: 9000, stock: 20 }],
    certificationIds: [onssa],
  });
  const argan = await newProduct(t, tiznit.id, {
    category: 'argan-oil',
    name: { fr: `Huile d’argan ${suffix}`, ar: `زيت أركان ${suffix}`, en: `Argan oil ${suffix}` },
    variants: [{ value: '250ml', price: 12000, stock: 20 }],
  });
  return {
    honey: {
      slug: await slugOf(t, honey.id),
      cooperativeName: `Coopérative Nahla ${suffix}`,
      ownerId: nahla.ownerId,
    },
    argan: {
      slug: await slugOf(t, argan.id),
      cooperativeName: `Coopérative Tiznit ${suffix}`,
      ownerId: tiznit.ownerId,
    },
  };
}

/** The cooperative's owner ships its part of the order over the API (as the back office would). */
export async function shipAsOwner(t: TestApi, ownerId: string, orderNumber: string): Promise<void> {
  const [owner] = await t.sql<{ email: string }>('SELECT email::text AS email FROM users WHERE id = $1', [
    ownerId,
  ]);
  const session = await loginOk(t, owner.email, FACTORY_PASSWORD);
  const [sub] = await t.sql<{ id: string }>(
    `SELECT s.id FROM sub_orders s JOIN orders o ON o.id = s.order_id
      JOIN cooperative_memberships m ON m.cooperative_id = s.cooperative_id AND m.user_id = $2
      WHERE o.number = $1`,
    [orderNumber, ownerId],
  );
  const res = await t.gql(
    'mutation($id: ID!) { markSubOrderShipped(id: $id, carrier: "Amana", trackingNumber: "AM123456789MA") { status } }',
    { id: sub.id },
    session.accessToken,
  );
  if (res.errors) throw new Error(`ship failed: ${JSON.stringify(res.errors)}`);
}
