import type { TokenStore, Tokens } from '../session/token-store';

const REFRESH = `mutation Refresh($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) { accessToken refreshToken }
}`;

interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: unknown } }[];
}

function isUnauthenticated(body: GraphqlBody): boolean {
  return body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? false;
}

/**
 * A `fetch` for urql: sends the bearer token; when the API answers UNAUTHENTICATED (the 15-minute
 * access token expired) it rotates the refresh token once (shared by concurrent requests) and
 * retries; when the refresh is refused, the session ends (signed out).
 */
export function authFetch(store: TokenStore, baseFetch: typeof fetch = (...a) => fetch(...a)): typeof fetch {
  let refreshing: Promise<Tokens | null> | null = null;

  async function refresh(used: Tokens): Promise<Tokens | null> {
    const response = await baseFetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: REFRESH, variables: { refreshToken: used.refreshToken } }),
    });
    const body = (await response.json()) as GraphqlBody;
    const next = body.data?.refreshToken as Tokens | undefined;
    // Another tab may have rotated meanwhile: keep what is current rather than sign out.
    if (store.current && store.current.refreshToken !== used.refreshToken) return store.current;
    store.set(next ? { accessToken: next.accessToken, refreshToken: next.refreshToken } : null);
    return store.current;
  }

  function withToken(init: RequestInit | undefined, tokens: Tokens | null): RequestInit {
    const headers = new Headers(init?.headers);
    if (tokens) headers.set('authorization', `Bearer ${tokens.accessToken}`);
    else headers.delete('authorization');
    return { ...init, headers };
  }

  return async (input, init) => {
    const tokens = store.current;
    const response = await baseFetch(input, withToken(init, tokens));
    if (!tokens || !(response.headers.get('content-type') ?? '').includes('json')) return response;
    const body = (await response.clone().json()) as GraphqlBody;
    if (!isUnauthenticated(body)) return response;
    refreshing ??= refresh(tokens).finally(() => (refreshing = null));
    const renewed = await refreshing.catch(() => null);
    return baseFetch(input, withToken(init, renewed));
  };
}
