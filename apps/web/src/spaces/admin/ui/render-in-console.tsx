// Test support (imported by *.test.tsx only): renders a console component with the French texts
// and a GraphQL client whose mutations answer what the test says, recording their variables.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { CombinedError, Provider, type Client, type OperationResult } from 'urql';
import { fromValue } from 'wonka';
import { I18nProvider } from '../../../lib/i18n/i18n-context';

export interface FakeApi {
  /** The variables of every mutation sent, in order. */
  sent: Record<string, unknown>[];
  render(ui: ReactElement): ReturnType<typeof render>;
}

/** `answer` gives each mutation's result: data, or a BAD_USER_INPUT error with field problems. */
export function fakeApi(
  answer: (variables: Record<string, unknown>) => {
    data?: unknown;
    fields?: { field: string; message: string }[];
  },
): FakeApi {
  const sent: Record<string, unknown>[] = [];
  const client = {
    executeMutation: (operation: { variables: Record<string, unknown> }) => {
      sent.push(operation.variables);
      const a = answer(operation.variables);
      const error = a.fields
        ? new CombinedError({
            graphQLErrors: [
              { message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields: a.fields } },
            ],
          })
        : undefined;
      return fromValue({
        operation,
        data: a.data,
        error,
        stale: false,
        hasNext: false,
      } as unknown as OperationResult);
    },
    executeQuery: () => fromValue({ data: undefined, stale: false, hasNext: false }),
  } as unknown as Client;
  return {
    sent,
    render: (ui) =>
      render(
        <Provider value={client}>
          <I18nProvider locale="fr" setLocale={() => undefined}>
            {ui}
          </I18nProvider>
        </Provider>,
      ),
  };
}
