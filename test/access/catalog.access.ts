import { randomBytes } from 'node:crypto';
import { createProduct, insertCertification, productInput, uniqueSku } from '../support/catalog-fixtures.js';
import type { AccessSuite, ActorName } from './access-case.js';

const MEMBERS_OF_X: ActorName[] = ['staffX', 'ownerX'];
const SEE_DRAFTS_OF_X = new Set<ActorName>(['staffX', 'ownerX', 'admin']);

type Edges = { node: { status: string } }[] | undefined;

/** How many products of a list answer are not PUBLISHED (the list must be there). */
function unpublished(actor: ActorName, edges: Edges): number {
  if (!edges) throw new Error(`${actor} got no list`);
  return edges.filter((e) => e.node.status !== 'PUBLISHED').length;
}

/** A `product` answer is the draft of X exactly for those who may see it. */
function draftShownTo(actor: ActorName, data: Record<string, unknown> | null): void {
  const product = (data as { product: { id: string } | null } | null)?.product ?? null;
  if (SEE_DRAFTS_OF_X.has(actor) !== (product !== null))
    throw new Error(`${actor} ${product ? 'sees' : 'does not see'} a draft of cooperative X`);
}

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
    fx.ids.catalogDraftSlug = draft.slug;
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
      visibility: draftShownTo,
    },
    {
      operation: 'Query.products',
      query: `query($c: ID) { products(filter: { cooperativeId: $c }, first: 50) { totalCount edges { node { id status } } } }`,
      variables: (fx) => ({ c: fx.cooperativeX }),
      allowed: 'everyone',
      visibility: (actor, data) => {
        const drafts = unpublished(actor, (data as { products?: { edges: Edges } } | null)?.products?.edges);
        if (SEE_DRAFTS_OF_X.has(actor) !== drafts > 0)
          throw new Error(`${actor} sees ${drafts} unpublished products of cooperative X`);
      },
    },
    {
      // Every read path of a product answers from productVisibility: by slug as by id.
      operation: 'Query.product',
      query: `query($slug: String) { product(slug: $slug) { id } }`,
      variables: (fx) => ({ slug: fx.ids.catalogDraftSlug }),
      allowed: 'everyone',
      visibility: draftShownTo,
    },
    {
      // The catalogue (no cooperative filter) is the public view, whoever asks: no drafts, even for admins.
      operation: 'Query.products',
      query: `query { products(sort: NEWEST, first: 50) { totalCount edges { node { id status } } } }`,
      allowed: 'everyone',
      visibility: (actor, data) => {
        const drafts = unpublished(actor, (data as { products?: { edges: Edges } } | null)?.products?.edges);
        if (drafts > 0) throw new Error(`${actor} sees ${drafts} unpublished products in the catalogue`);
      },
    },
    {
      // Cooperative.products: its members and admins see every status, others public products only.
      operation: 'Query.cooperative',
      query: `query($id: ID) { cooperative(id: $id) { products(first: 50) { totalCount edges { node { id status } } } } }`,
      variables: (fx) => ({ id: fx.cooperativeX }),
      allowed: 'everyone',
      visibility: (actor, data) => {
        const products = (
          data as { cooperative?: { products: { totalCount: number; edges: NonNullable<Edges> } } } | null
        )?.cooperative?.products;
        const drafts = unpublished(actor, products?.edges);
        if (SEE_DRAFTS_OF_X.has(actor) !== drafts > 0)
          throw new Error(`${actor} sees ${drafts} unpublished products of cooperative X`);
        if (products!.totalCount !== products!.edges.length)
          throw new Error(
            `${actor}: totalCount ${products!.totalCount} but ${products!.edges.length} listed`,
          );
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
      operation: 'Query.certificationsToVerify',
      query: `{ certificationsToVerify(first: 5) { id } }`,
      allowed: ['admin'],
    },
    {
      operation: 'Mutation.verifyCertification',
      query: `mutation($id: ID!) { verifyCertification(id: $id, verified: true) { id } }`,
      variables: (fx) => ({ id: fx.ids.catalogCertification }),
      allowed: ['admin'],
    },
  ],
};
