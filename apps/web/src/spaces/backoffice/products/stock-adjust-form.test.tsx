import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { CombinedError } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, TestProviders } from '../shared/test-providers';
import { StockAdjustForm } from './variant-row';

afterEach(cleanup);

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('StockAdjustForm', () => {
  it('needs a non-zero whole number of units and a reason', () => {
    const api = fakeApi({ mutation: () => ({ data: {} }) });
    render(
      <TestProviders api={api}>
        <StockAdjustForm variantId="v1" label="Ajuster" onDone={vi.fn()} />
      </TestProviders>,
    );
    fill('Unités à ajouter (négatif pour retirer)', '2.5');
    fireEvent.click(screen.getByRole('button', { name: 'Ajuster le stock' }));
    expect(screen.getByText('Nombre entier attendu.')).toBeTruthy();
    expect(screen.getByLabelText('Motif').getAttribute('aria-invalid')).toBe('true');
    fill('Unités à ajouter (négatif pour retirer)', '0');
    fireEvent.click(screen.getByRole('button', { name: 'Ajuster le stock' }));
    expect(
      screen.getByLabelText('Unités à ajouter (négatif pour retirer)').getAttribute('aria-invalid'),
    ).toBe('true');
    expect(api.mutations).toEqual([]);
  });

  it('sends the delta and the reason; OUT_OF_STOCK is shown above the button', async () => {
    const api = fakeApi({
      mutation: () => ({
        error: new CombinedError({
          graphQLErrors: [{ message: 'Not enough stock', extensions: { code: 'OUT_OF_STOCK' } }],
        }),
      }),
    });
    const onDone = vi.fn();
    render(
      <TestProviders api={api}>
        <StockAdjustForm variantId="v1" label="Ajuster" onDone={onDone} />
      </TestProviders>,
    );
    fill('Unités à ajouter (négatif pour retirer)', '-12');
    fill('Motif', 'Pots cassés');
    fireEvent.click(screen.getByRole('button', { name: 'Ajuster le stock' }));
    await screen.findByText('Not enough stock');
    expect(api.mutations).toEqual([{ variantId: 'v1', delta: -12, reason: 'Pots cassés' }]);
    expect(onDone).not.toHaveBeenCalled();
  });
});
