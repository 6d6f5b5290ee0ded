import { randomBytes } from 'node:crypto';
import { createProduct, insertCertification, productInput, uniqueSku } from '../support/catalog-fixtures.js';
import type { AccessSuite, ActorName } from './access-case.js';

const MEMBERS_OF_X: ActorName[] = ['staffX', 'ownerX'];
const SEE_DRAFTS_OF_X = new Set<ActorName>(['staffX', 'ownerX', 'admin']);

/** Catalog operations: public reads, member-managed products and stock, admin-verified certificates. */
export const catalogAccessSuite: AccessSuite = {
  name: 'catalog',
  async prepare(fx) {
    const token = fx.users.ownerX.accessToken;
    const draft = await createProduct(fx.t, token, fx.cooperativeX, { publish: false });
    const toPublish = await createProduct(fx.t, token, fx.cooperativeX, { publish: false });
    const toArchive = await createProduct(fx.t, token, fx.cooperativeX);
    const published = await createProduct(fx.t, token, fx.cooperativeX, { variants: [{ stock: 50 }] });
    fx.ids.catalogDraft = draft.id;
    fx.ids.catalogToPublish = toPublish.id;
    fx.ids.catalogToArchive = toArchive.id;
    fx.ids.catalogProduct = published.id;
    fx.ids.catalogVariant = published.variantIds[0];
    fx.ids.catalogCertification = await insertCertification(fx.t, fx.cooperativeX, { verified: false });
  },
  cases: [
    {
      operation: 'Query.product',
      query: `query($id: ID) { product(id: $id) { id } }`,
      variables: (fx) => ({ id: fx.ids.catalogDraft }),
      allowed: 'everyone',
      visibility: (actor, data) => {
        const product = (data as { product: { id: string } | null } | null)?.product ?? null;
        if (SEE_DRAFTS_OF_X.has(actor) !== (product !== null))
          throw new Error(`${actor} ${product ? 'sees' : 'does not see'} a draft of cooperative X`);
      },
    },
    {
      operation: 'Query.products',
      query: `query($c: ID) { products(filter: { cooperativeId: $c }, first: 50) { totalCount edges { node { id status } } } }`,
      variables: (fx) => ({ c: fx.cooperativeX }),
      allowed: 'everyone',
      visibility: (actor, data) => {
        const nodes =
          (data as { products: { edges: { node: { status: string } }[] } } | null)?.products.edges ?? [];
        const drafts = nodes.filter((e) => e.node.status !== 'PUBLISHED').length;
        if (SEE_DRAFTS_OF_X.has(actor) !== drafts > 0)
          throw new Error(`${actor} sees ${drafts} unpublished products of cooperative X`);
      },
    },
    {
      operation: 'Mutation.createProduct',
      query: `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
      variables: (fx) => ({ input: productInput(fx.cooperativeX) }),
      allowed: MEMBERS_OF_X,
    },
    {
      operation: 'Mutation.updateProduct',
      query: `mutation($id: ID!) { updateProduct(id: $id, input: { categoryCode: "honey" }) { id } }`,
      variables: (fx) => ({ id: fx.ids.catalogProduct }),
      allowed: MEMBERS_OF_X,
    },
    {
      operation: 'Mutation.publishProduct',
      query: `mutation($id: ID!) { publishProduct(id: $id) { id } }`,
      variables: (fx) => ({ id: fx.ids.catalogToPublish }),
      allowed: MEMBERS_OF_X,
    },
    {
      operation: 'Mutation.archiveProduct',
      query: `mutation($id: ID!) { archiveProduct(id: $id) { id } }`,
      variables: (fx) => ({ id: fx.ids.catalogToArchive }),
      allowed: MEMBERS_OF_X,
    },
    {
      operation: 'Mutation.addVariant',
      query: `mutation($id: ID!, $input: VariantInput!) { addVariant(productId: $id, input: $input) { id } }`,
      variables: (fx) => ({
        id: fx.ids.catalogProduct,
        input: {
          sku: uniqueSku('ACL'),
          options: [{ name: 'poids', value: '1kg' }],
          priceAmount: 15000,
          stock: 1,
        },
      }),
      allowed: MEMBERS_OF_X,
    },
    {
      operation: 'Mutation.updateVariant',
      query: `mutation($id: ID!) { updateVariant(id: $id, priceAmount: 9000) { id } }`,
      variables: (fx) => ({ id: fx.ids.catalogVariant }),
      allowed: MEMBERS_OF_X,
    },
    {
      operation: 'Mutation.adjustStock',
      query: `mutation($id: ID!) { adjustStock(variantId: $id, delta: 1, reason: "access matrix") { id } }`,
      variables: (fx) => ({ id: fx.ids.catalogVariant }),
      allowed: MEMBERS_OF_X,
    },
    {
      operation: 'Mutation.addCertification',
      query: `mutation($c: ID!, $input: CertificationInput!) { addCertification(cooperativeId: $c, input: $input) { id } }`,
      variables: (fx) => ({
        c: fx.cooperativeX,
        input: {
          type: 'FOOD_SAFETY_AUTHORIZATION',
          reference: `ONSSA-${randomBytes(4).toString('hex')}`,
          issuedOn: '2025-01-01',
        },
      }),
      allowed: MEMBERS_OF_X,
    },
    {
      operation: 'Mutation.verifyCertification',
      query: `mutation($id: ID!) { verifyCertification(id: $id, verified: true) { id } }`,
      variables: (fx) => ({ id: fx.ids.catalogCertification }),
      allowed: ['admin'],
    },
  ],
};
