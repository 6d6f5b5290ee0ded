// The GraphQL documents the scenarios send (the fields a storefront page shows).

/** A product card: name, price range, cooperative name and region, first image, certifications. */
const CARD = `id slug name
  priceRange { min { amount currency } max { amount currency } }
  cooperative { name region { code name } }
  images { url }
  certifications { type valid }`;

const FACETS = `facets { categories { value count } regions { value count } certifications { value count } }`;

/** Scenarios 1, 2 and 5: a page of the catalog, newest first. */
export const CATALOG_PAGE = `query CatalogPage($first: Int!, $after: String) {
  products(first: $first, after: $after, sort: NEWEST) {
    edges { cursor node { ${CARD} } }
    pageInfo { endCursor hasNextPage }
  }
}`;

/** Scenario 3: search results with facets. */
export const SEARCH_PAGE = `query SearchPage($search: String!) {
  products(first: 20, filter: { search: $search }) {
    ${FACETS}
    edges { cursor node { ${CARD} } }
    pageInfo { endCursor hasNextPage }
  }
}`;

/** Scenario 4: a filtered page with its total and facets. */
export const FILTERED_PAGE = `query FilteredPage($filter: ProductFilter!) {
  products(first: 20, filter: $filter) {
    totalCount
    ${FACETS}
    edges { cursor node { ${CARD} } }
    pageInfo { endCursor hasNextPage }
  }
}`;

/** Scenario 6: a product page. */
export const PRODUCT_DETAIL = `query ProductDetail($slug: String!) {
  product(slug: $slug) {
    id slug name description createdAt
    category { code name }
    priceRange { min { amount currency } max { amount currency } }
    cooperative { id slug name womenLed region { code name } province { code name } }
    images { url thumbnailUrl width height }
    certifications { id type reference issuedOn expiresOn verified valid }
    variants { id sku name inStock stock price { amount currency } options { name value } }
  }
}`;

/** Scenario 7: the cooperative directory with filters. */
export const DIRECTORY_PAGE = `query Directory($filter: CooperativeFilter!) {
  cooperatives(first: 20, filter: $filter) {
    totalCount
    edges { cursor node { id slug name sector womenLed memberCount region { code name } province { code name } } }
    pageInfo { endCursor hasNextPage }
  }
}`;

export const ADD_TO_CART = `mutation AddToCart($cartId: ID, $variantId: ID!) {
  addToCart(cartId: $cartId, variantId: $variantId, quantity: 1) { id itemCount total { amount currency } }
}`;

export const CHECKOUT = `mutation Checkout($input: CheckoutInput!) {
  checkout(input: $input) { guestAccessToken order { id number status total { amount currency } } }
}`;

export const ADDRESS = {
  fullName: 'Client Banc d’essai',
  phone: '+212 6 12 34 56 78',
  line1: '12 rue des Orangers',
  city: 'Marrakech',
  countryCode: 'MA',
};
