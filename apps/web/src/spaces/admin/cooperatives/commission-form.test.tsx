import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../ui/render-in-console';
import { CommissionForm } from './commission-form';

afterEach(cleanup);

function fill(value: string) {
  fireEvent.change(screen.getByLabelText('Taux en points de base'), { target: { value } });
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le taux' }));
}

describe('CommissionForm', () => {
  it('accepts whole basis points from 0 to 10000 only, as the API', () => {
    const api = fakeApi(() => ({}));
    api.render(<CommissionForm cooperativeId="c1" rateBps={500} />);
    expect(screen.getByLabelText<HTMLInputElement>('Taux en points de base').value).toBe('500');
    fill('10001');
    expect(screen.getByText('Au plus 10000.')).toBeTruthy();
    fill('-1');
    expect(screen.getByText('Au moins 0.')).toBeTruthy();
    fill('7.5');
    expect(screen.getByText('Nombre entier attendu.')).toBeTruthy();
    expect(api.sent).toEqual([]);
  });

  it('sends the rate as a number and says it is saved', async () => {
    const api = fakeApi(() => ({
      data: { setCommissionRate: { __typename: 'Cooperative', id: 'c1', commissionRateBps: 750 } },
    }));
    api.render(<CommissionForm cooperativeId="c1" rateBps={500} />);
    fill('750');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Enregistré.'));
    expect(api.sent).toEqual([{ id: 'c1', rateBps: 750 }]);
  });
});
