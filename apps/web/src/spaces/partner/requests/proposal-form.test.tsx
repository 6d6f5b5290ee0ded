import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, TestProviders } from '../../backoffice/shared/test-providers';
import { ProposalForm } from './proposal-form';

afterEach(cleanup);

describe('ProposalForm', () => {
  it('asks for a logo and a #RRGGBB colour, all problems at once, before sending anything', () => {
    const api = fakeApi({ mutation: () => ({ data: {} }) });
    render(
      <TestProviders api={api} locale="en">
        <ProposalForm requestId="r1" onSubmitted={vi.fn()} />
      </TestProviders>,
    );
    fireEvent.change(screen.getByLabelText('Main colour (#RRGGBB)'), { target: { value: 'red' } });
    fireEvent.change(screen.getByLabelText('Tagline (optional)'), { target: { value: 'x'.repeat(121) } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the proposal' }));
    expect(screen.getByText('The logo is required.')).toBeTruthy();
    expect(screen.getByText('A colour is expected as #RRGGBB.')).toBeTruthy();
    expect(screen.getByText('At most 120 characters.')).toBeTruthy();
    expect(screen.getByLabelText('Logo (JPEG, PNG or WebP)').getAttribute('aria-invalid')).toBe('true');
    expect(api.mutations).toEqual([]);
  });
});
