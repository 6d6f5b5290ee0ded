// Test support for the back office's component tests (Vitest): the real i18n and session
// providers around a GraphQL client whose answers each test gives (no network in jsdom).
import type { ReactNode } from 'react';
import { CombinedError, Provider, type Client, type OperationResult } from 'urql';
import { fromValue, never } from 'wonka';
import { I18nProvider } from '../../../lib/i18n/i18n-context';
import type { Locale } from '../../../lib/i18n/locale';
import { SessionProvider } from '../../../lib/session/session-context';
import { TokenStore } from '../../../lib/session/token-store';

type Answer = (variables: Record<string, unknown>) => Partial<OperationResult>;

/** What the fake client answered and was asked: `mutations` holds each mutation's variables. */
export interface FakeApi {
  client: Client;
  mutations: Record<string, unknown>[];
  /** Records `variables` as a mutation and answers as `mutation` does (for forms given an onSubmit). */
  send(variables: Record<string, unknown>): Promise<Partial<OperationResult>>;
}

/** A client answering queries with `query(vars)` and mutations with `mutation(vars)`. */
export function fakeApi(answers: { query?: Answer; mutation?: Answer }): FakeApi {
  const mutations: Record<string, unknown>[] = [];
  const answer = (a: Answer | undefined, op: { variables: Record<string, unknown> }) =>
    a ? fromValue({ operation: op, stale: false, hasNext: false, ...a(op.variables) }) : never;
  const client = {
    executeQuery: (op: { variables: Record<string, unknown> }) => answer(answers.query, op),
    executeMutation: (op: { variables: Record<string, unknown> }) => {
      mutations.push(op.variables);
      return answer(answers.mutation, op);
    },
    executeSubscription: () => never,
  } as unknown as Client;
  const send = (variables: Record<string, unknown>) => {
    mutations.push(variables);
    return Promise.resolve(answers.mutation?.(variables) ?? {});
  };
  return { client, mutations, send };
}

/** A BAD_USER_INPUT answer as the API sends it: `fields` maps argument paths to messages. */
export function badUserInput(fields: Record<string, string>): Partial<OperationResult> {
  return {
    error: new CombinedError({
      graphQLErrors: [
        {
          message: 'Invalid input',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: Object.entries(fields).map(([field, message]) => ({ field, message })),
          },
        },
      ],
    }),
  };
}

/** The providers a back-office form needs, in `locale`, signed out (no token in memory). */
export function TestProviders(props: { api: FakeApi; locale?: Locale; children: ReactNode }) {
  return (
    <Provider value={props.api.client}>
      <SessionProvider store={new TokenStore(null)}>
        <I18nProvider locale={props.locale ?? 'fr'} setLocale={() => undefined}>
          {props.children}
        </I18nProvider>
      </SessionProvider>
    </Provider>
  );
}
