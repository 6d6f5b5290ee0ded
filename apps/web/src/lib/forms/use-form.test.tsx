// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CombinedError } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n-context';
import type { Locale } from '../i18n/locale';
import { FormError, TextField } from './fields';
import { email, required } from './rules';
import { useForm } from './use-form';

afterEach(cleanup);

function SignUpForm(props: {
  submit(values: { email: string; fullName: string }): Promise<CombinedError | null>;
}) {
  const form = useForm({
    initial: { email: '', fullName: '' },
    rules: { email: [required, email], fullName: [required] },
  });
  return (
    <form noValidate onSubmit={form.handleSubmit(props.submit)}>
      <TextField form={form} name="email" label="E-mail" />
      <TextField form={form} name="fullName" label="Name" />
      <FormError form={form} />
      <button type="submit">Send</button>
    </form>
  );
}

function renderForm(
  submit: (v: { email: string; fullName: string }) => Promise<CombinedError | null>,
  locale: Locale = 'en',
) {
  return render(
    <I18nProvider locale={locale} setLocale={() => undefined}>
      <SignUpForm submit={submit} />
    </I18nProvider>,
  );
}

const badUserInput = (fields: { field: string; message: string }[]) =>
  new CombinedError({
    graphQLErrors: [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields } }],
  });

describe('useForm + TextField', () => {
  it('blocks submission and shows the client rule next to the field, linked for screen readers', () => {
    const submit = vi.fn(() => Promise.resolve(null));
    renderForm(submit);
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'not-an-address' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(submit).not.toHaveBeenCalled();
    const input = screen.getByLabelText('E-mail');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = input.getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)?.textContent).toBe('Invalid e-mail address.');
    expect(screen.getByLabelText('Name').getAttribute('aria-describedby')).not.toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('Fix the highlighted fields.');
  });

  it('shows rule messages in the current language', () => {
    renderForm(() => Promise.resolve(null), 'ar');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getAllByText('هذا الحقل إلزامي.')).toHaveLength(2);
  });

  it('submits valid values and shows the API’s BAD_USER_INPUT problems next to the matching fields', async () => {
    const submit = vi.fn(() =>
      Promise.resolve(
        badUserInput([
          { field: 'input.email', message: 'email is already registered' },
          { field: 'input.somethingElse', message: 'something else is wrong' },
        ]),
      ),
    );
    renderForm(submit);
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'salma@example.ma' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Salma' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.getByText('email is already registered')).toBeTruthy());
    expect(submit).toHaveBeenCalledWith({ email: 'salma@example.ma', fullName: 'Salma' });
    const input = screen.getByLabelText('E-mail');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe(
      'email is already registered',
    );
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
    // A problem on no field of this form is still shown, above the button.
    expect(screen.getByRole('alert').textContent).toBe('something else is wrong');
  });

  it('clears a field’s error as soon as it is edited', () => {
    renderForm(() => Promise.resolve(null));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByLabelText('E-mail').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 's' } });
    expect(screen.getByLabelText('E-mail').getAttribute('aria-invalid')).toBeNull();
  });
});
