import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../ui/render-in-console';
import { NOTE_MAX, ReviewForm } from './review-form';

afterEach(cleanup);

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la décision' }));

describe('ReviewForm', () => {
  it('requires a decision and a note before sending anything, as the API does', () => {
    const api = fakeApi(() => ({}));
    api.render(<ReviewForm cooperativeId="c1" onDone={() => undefined} />);
    submit();
    expect(screen.getAllByText('Ce champ est obligatoire.')).toHaveLength(2);
    expect(screen.getByLabelText('Note pour la coopérative').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Corrigez les champs signalés.');
    expect(api.sent).toEqual([]);
  });

  it('refuses a note longer than the API allows', () => {
    const api = fakeApi(() => ({}));
    api.render(<ReviewForm cooperativeId="c1" onDone={() => undefined} />);
    fireEvent.click(screen.getByLabelText('Refuser'));
    fireEvent.change(screen.getByLabelText('Note pour la coopérative'), {
      target: { value: 'x'.repeat(NOTE_MAX + 1) },
    });
    submit();
    expect(screen.getByText(`Au plus ${NOTE_MAX} caractères.`)).toBeTruthy();
    expect(api.sent).toEqual([]);
  });

  it('sends the decision and note, and reports the new status', async () => {
    let done = '';
    const api = fakeApi(() => ({
      data: {
        reviewCooperative: {
          __typename: 'Cooperative',
          id: 'c1',
          status: 'CHANGES_REQUESTED',
          reviewNotes: [],
        },
      },
    }));
    api.render(<ReviewForm cooperativeId="c1" onDone={(s) => (done = s)} />);
    fireEvent.click(screen.getByLabelText('Demander des modifications'));
    fireEvent.change(screen.getByLabelText('Note pour la coopérative'), {
      target: { value: 'Ajoutez le statut.' },
    });
    submit();
    await waitFor(() => expect(done).toBe('CHANGES_REQUESTED'));
    expect(api.sent).toEqual([{ id: 'c1', decision: 'REQUEST_CHANGES', note: 'Ajoutez le statut.' }]);
  });

  it('shows the API’s field error next to the note', async () => {
    const api = fakeApi(() => ({ fields: [{ field: 'note', message: 'must not be empty' }] }));
    api.render(<ReviewForm cooperativeId="c1" onDone={() => undefined} />);
    fireEvent.click(screen.getByLabelText('Approuver'));
    fireEvent.change(screen.getByLabelText('Note pour la coopérative'), { target: { value: ' ok ' } });
    submit();
    const note = screen.getByLabelText('Note pour la coopérative');
    await waitFor(() => expect(note.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = note.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').map((id) => document.getElementById(id)?.textContent)).toContain(
      'must not be empty',
    );
  });
});
