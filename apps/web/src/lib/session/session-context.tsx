import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { MeQuery } from '../../gql/graphql';
import { authFetch } from '../graphql/auth-fetch';
import type { TokenStore, Tokens } from './token-store';

export const MeDocument = graphql(`
  query Me {
    me {
      id
      email
      fullName
      emailVerified
      roles
      preferredLanguage
      memberships {
        role
        cooperative {
          id
          slug
          name
        }
      }
    }
  }
`);

const LogoutDocument = graphql(`
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

export type Me = NonNullable<MeQuery['me']>;

export interface Session {
  /** The signed-in user, null for a guest (or while loading: see `loading`). */
  user: Me | null;
  loading: boolean;
  /** Keeps the tokens of a login/register/refresh answer and loads the user. */
  signIn(tokens: Tokens): void;
  /** Revokes the refresh token's family and forgets the tokens. */
  signOut(): Promise<void>;
  /** Reloads `me` (after a profile change). */
  refresh(): void;
  /** `fetch` with the bearer token (and one refresh on UNAUTHENTICATED), e.g. for `POST /assets`. */
  authorizedFetch: typeof fetch;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider(props: { store: TokenStore; children: ReactNode }) {
  const { store } = props;
  const [tokens, setTokens] = useState(store.current);
  useEffect(() => store.subscribe(setTokens), [store]);
  const [me, reexecute] = useQuery({ query: MeDocument, pause: !tokens, requestPolicy: 'network-only' });
  const [, logout] = useMutation(LogoutDocument);

  const signIn = useCallback(
    (next: Tokens) => store.set({ accessToken: next.accessToken, refreshToken: next.refreshToken }),
    [store],
  );
  const signOut = useCallback(async () => {
    const current = store.current;
    store.set(null);
    if (current) await logout({ refreshToken: current.refreshToken });
  }, [store, logout]);
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const authorizedFetch = useMemo(() => authFetch(store), [store]);

  const value = useMemo<Session>(
    () => ({
      user: tokens ? (me.data?.me ?? null) : null,
      loading: Boolean(tokens) && me.fetching && !me.data,
      signIn,
      signOut,
      refresh,
      authorizedFetch,
    }),
    [tokens, me.data, me.fetching, signIn, signOut, refresh, authorizedFetch],
  );
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}
