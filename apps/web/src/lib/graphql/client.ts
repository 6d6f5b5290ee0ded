import { cacheExchange, Client, fetchExchange } from 'urql';
import type { TokenStore } from '../session/token-store';
import { authFetch } from './auth-fetch';

/** The one urql client of the app: same-origin /graphql, bearer token, refresh on expiry. */
export function createGraphqlClient(store: TokenStore): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    fetch: authFetch(store),
    // Lists and carts change under the user's eyes (stock, other tabs): ask the API first.
    requestPolicy: 'cache-and-network',
  });
}
