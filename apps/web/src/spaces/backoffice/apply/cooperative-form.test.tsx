import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { badUserInput, fakeApi, TestProviders, type FakeApi } from '../shared/test-providers';
import { CooperativeForm } from './cooperative-form';

afterEach(cleanup);

const REGIONS = {
  data: { regions: [{ code: 'MA-06', provinces: [{ code: 'MA-CAS', name: 'Casablanca' }] }] },
};

function renderForm(api: FakeApi, locale: 'fr' | 'ar' = 'fr') {
  render(
    <TestProviders api={api} locale={locale}>
      <CooperativeForm
        submitLabel="Envoyer"
        onSubmit={async (input) => {
          const result = await api.send({ input });
          return result.error;
        }}
      />
    </TestProviders>,
  );
}

function fillValid() {
  const set = (label: string, value: string) =>
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
  set('Nom de la coopérative', 'Coopérative Nahla');
  set('Numéro d’immatriculation', 'RC-2019/4471');
  set('Secteur', 'BEEKEEPING');
  set('Province ou préfecture', 'MA-CAS');
  set('Date de création', '2019-03-08');
  set('Nombre de membres', '14');
  set('Téléphone de contact', '06 12 34 56 78');
  fireEvent.click(screen.getByLabelText('Coopérative dirigée par des femmes'));
}

describe('CooperativeForm', () => {
  it('shows the rules’ messages next to the fields and sends nothing while they fail', () => {
    const api = fakeApi({ query: () => REGIONS, mutation: () => ({ data: { x: true } }) });
    renderForm(api);
    fireEvent.change(screen.getByLabelText('Nom de la coopérative'), { target: { value: 'A' } });
    fireEvent.change(screen.getByLabelText('Nombre de membres'), { target: { value: '-3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    const name = screen.getByLabelText('Nom de la coopérative');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Au moins 2 caractères.',
    );
    expect(screen.getByLabelText('Nombre de membres').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Ce champ est obligatoire.').length).toBeGreaterThanOrEqual(4);
    expect(screen.getByRole('alert').textContent).toBe('Corrigez les champs signalés.');
    expect(api.mutations).toEqual([]);
  });

  it('sends typed input (numbers, booleans, nulls) once the rules pass', async () => {
    const api = fakeApi({ query: () => REGIONS, mutation: () => ({ data: { x: true } }) });
    renderForm(api);
    await screen.findByRole('option', { name: 'Casablanca' });
    fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    await waitFor(() => expect(api.mutations).toHaveLength(1));
    expect(api.mutations[0]).toEqual({
      input: {
        name: 'Coopérative Nahla',
        registrationNumber: 'RC-2019/4471',
        sector: 'BEEKEEPING',
        provinceCode: 'MA-CAS',
        foundedOn: '2019-03-08',
        memberCount: 14,
        womenMemberCount: null,
        womenLed: true,
        description: null,
        contactPhone: '06 12 34 56 78',
      },
    });
  });

  it('shows the API’s BAD_USER_INPUT problems next to the matching fields', async () => {
    const api = fakeApi({
      query: () => REGIONS,
      mutation: () => badUserInput({ 'input.womenMemberCount': 'must not exceed memberCount' }),
    });
    renderForm(api);
    await screen.findByRole('option', { name: 'Casablanca' });
    fillValid();
    fireEvent.change(screen.getByLabelText('Nombre de femmes membres (facultatif)'), {
      target: { value: '20' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    const women = screen.getByLabelText('Nombre de femmes membres (facultatif)');
    await waitFor(() => expect(women.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(women.getAttribute('aria-describedby')!)?.textContent).toBe(
      'must not exceed memberCount',
    );
    expect(screen.getByLabelText('Nom de la coopérative').getAttribute('aria-invalid')).toBeNull();
  });

  it('speaks Arabic: labels and rule messages', () => {
    const api = fakeApi({ query: () => REGIONS });
    renderForm(api, 'ar');
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    const name = screen.getByLabelText('اسم التعاونية');
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe(
      'هذا الحقل إلزامي.',
    );
  });
});
