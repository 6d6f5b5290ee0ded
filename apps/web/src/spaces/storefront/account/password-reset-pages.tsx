import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { email, maxLength, minLength, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { storefrontMessages } from '../messages';

const StoreRequestResetDocument = graphql(`
  mutation StoreRequestReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);
const StoreResetDocument = graphql(`
  mutation StoreReset($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

/** /forgot-password: asks for a link (the answer never says whether the account exists). */
export function ForgotPasswordPage() {
  const t = useMessages(storefrontMessages);
  const [sent, setSent] = useState(false);
  const [, request] = useMutation(StoreRequestResetDocument);
  const form = useForm({
    initial: { email: '' },
    rules: { email: [required, email] },
    serverPaths: { email: 'email' },
  });
  return (
    <section className="narrow">
      <h1>{t('auth.forgotTitle')}</h1>
      {sent ? (
        <p role="status">{t('auth.forgotSent')}</p>
      ) : (
        <form
          noValidate
          onSubmit={form.handleSubmit(async (v) => {
            const result = await request({ email: v.email.trim() });
            if (result.error) return result.error;
            setSent(true);
          })}
        >
          <TextField form={form} name="email" label={t('auth.email')} type="email" autoComplete="email" />
          <FormError form={form} />
          <button type="submit" className="primary" disabled={form.submitting}>
            {t('auth.forgotSend')}
          </button>
        </form>
      )}
    </section>
  );
}

/** /reset-password?token=…: the link from the e-mail. */
export function ResetPasswordPage() {
  const t = useMessages(storefrontMessages);
  const [params] = useSearchParams();
  const [done, setDone] = useState(false);
  const [, reset] = useMutation(StoreResetDocument);
  const form = useForm({
    initial: { newPassword: '' },
    rules: { newPassword: [required, minLength(10), maxLength(128)] },
    serverPaths: { newPassword: 'newPassword' },
  });
  return (
    <section className="narrow">
      <h1>{t('auth.resetTitle')}</h1>
      {done ? (
        <p role="status">
          {t('auth.resetDone')} <Link to="/sign-in">{t('auth.signIn')}</Link>
        </p>
      ) : (
        <form
          noValidate
          onSubmit={form.handleSubmit(async (v) => {
            const result = await reset({ token: params.get('token') ?? '', newPassword: v.newPassword });
            if (result.error) return result.error;
            setDone(true);
          })}
        >
          <TextField
            form={form}
            name="newPassword"
            label={t('auth.newPassword')}
            hint={t('auth.passwordHint')}
            type="password"
            autoComplete="new-password"
          />
          <FormError form={form} />
          <button type="submit" className="primary" disabled={form.submitting}>
            {t('auth.resetSave')}
          </button>
        </form>
      )}
    </section>
  );
}
