// The API additions the storefront needs: a variant's product (cart split per cooperative) and the
// public storefront settings (shipping fee, Stripe publishable key only when card payment is on).
import { newCooperative, newProduct } from './support/factories.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const SETTINGS = '{ storefrontSettings { shippingFlatFee { amount currency } stripePublishableKey } }';

describe('storefront API additions', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ SHIPPING_FLAT_FEE_CENTIMES: '2500' });
  });
  afterAll(() => t.close());

  it('a cart line’s variant leads to its product and cooperative', async () => {
    const coop = await newCooperative(t, { name: 'Coopérative Chefchaouen' });
    const product = await newProduct(t, coop.id, { name: { fr: 'Savon beldi' } });
    const add = await t.gql<{ addToCart: { id: string; lines: { variant: Record<string, unknown> }[] } }>(
      `mutation($variantId: ID!) { addToCart(variantId: $variantId, quantity: 1) {
        id lines { variant { sku product { id name cooperative { id name } } } } } }`,
      {
        variantId: (
          await t.sql<{ id: string }>('SELECT id FROM product_variants WHERE product_id = $1', [product.id])
        )[0].id,
      },
    );
    expect(add.errors).toBeUndefined();
    expect(add.data!.addToCart.lines[0].variant).toEqual({
      sku: product.variantSkus[0],
      product: {
        id: product.id,
        name: 'Savon beldi',
        cooperative: { id: coop.id, name: 'Coopérative Chefchaouen' },
      },
    });
  });

  it('answers the configured shipping fee, and no Stripe key while card payment is off', async () => {
    const res = await t.gql(SETTINGS);
    expect(res.data).toEqual({
      storefrontSettings: { shippingFlatFee: { amount: 2500, currency: 'MAD' }, stripePublishableKey: null },
    });
  });
});

describe('storefront settings with card payment configured', () => {
  it('gives the publishable key (never the secret one) when both keys are set', async () => {
    const t = await startTestApi({
      STRIPE_SECRET_KEY: 'sk_test_secret123',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_abc123',
    });
    try {
      const res = await t.gql(SETTINGS);
      expect(res.data).toEqual({
        storefrontSettings: {
          shippingFlatFee: { amount: 3000, currency: 'MAD' },
          stripePublishableKey: 'pk_test_abc123',
        },
      });
      expect(JSON.stringify(res.data)).not.toContain('sk_test');
    } finally {
      await t.close();
    }
  });
});
