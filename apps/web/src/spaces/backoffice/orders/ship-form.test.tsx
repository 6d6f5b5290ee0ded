import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { badUserInput, fakeApi, TestProviders, type FakeApi } from '../shared/test-providers';
import { ShipForm } from './ship-form';

afterEach(cleanup);

function renderShip(api: FakeApi, onShipped = vi.fn()) {
  render(
    <TestProviders api={api}>
      <ShipForm subOrderId="sub-1" label="Expédier la commande TW-1" onShipped={onShipped} />
    </TestProviders>,
  );
  return onShipped;
}

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const ship = () => fireEvent.click(screen.getByRole('button', { name: 'Marquer comme expédiée' }));

describe('ShipForm', () => {
  it('requires the carrier and the tracking number (at most 100 characters) before sending', () => {
    const api = fakeApi({ mutation: () => ({ data: {} }) });
    renderShip(api);
    fill('Numéro de suivi', 'X'.repeat(101));
    ship();
    expect(screen.getByLabelText('Transporteur').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Ce champ est obligatoire.')).toBeTruthy();
    expect(screen.getByText('Au plus 100 caractères.')).toBeTruthy();
    expect(api.mutations).toEqual([]);
  });

  it('sends the trimmed values and says when it shipped', async () => {
    const api = fakeApi({
      mutation: () => ({
        data: {
          markSubOrderShipped: { id: 'sub-1', status: 'SHIPPED', carrier: 'Amana', trackingNumber: 'AM1' },
        },
      }),
    });
    const onShipped = renderShip(api);
    fill('Transporteur', ' Amana ');
    fill('Numéro de suivi', 'AM1');
    ship();
    await waitFor(() => expect(onShipped).toHaveBeenCalledTimes(1));
    expect(api.mutations).toEqual([{ id: 'sub-1', carrier: 'Amana', trackingNumber: 'AM1' }]);
  });

  it('shows the API’s problem on an argument next to its field, and does not report success', async () => {
    const api = fakeApi({ mutation: () => badUserInput({ trackingNumber: 'must be one line of text' }) });
    const onShipped = renderShip(api);
    fill('Transporteur', 'Amana');
    fill('Numéro de suivi', 'AM1');
    ship();
    const tracking = screen.getByLabelText('Numéro de suivi');
    await waitFor(() => expect(tracking.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(tracking.getAttribute('aria-describedby')!)?.textContent).toBe(
      'must be one line of text',
    );
    expect(onShipped).not.toHaveBeenCalled();
  });
});
