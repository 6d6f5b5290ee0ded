import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { maxLength, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { useSession } from '../../../lib/session/session-context';
import { storefrontMessages } from '../messages';

const StoreLoginDocument = graphql(`
  mutation StoreLogin($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
    }
  }
`);

/** Where to go after signing in: a path of this site only (never another origin). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** /sign-in (?next=/path to come back). */
export default function SignInPage() {
  const t = useMessages(storefrontMessages);
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [, login] = useMutation(StoreLoginDocument);
  const form = useForm({
    initial: { email: '', password: '' },
    rules: { email: [required, maxLength(254)], password: [required, maxLength(128)] },
  });
  return (
    <section className="narrow">
      <h1>{t('auth.signInTitle')}</h1>
      <form
        noValidate
        onSubmit={form.handleSubmit(async (v) => {
          const result = await login({ input: { email: v.email.trim(), password: v.password } });
          if (!result.data) return result.error;
          signIn(result.data.login);
          void navigate(safeNext(params.get('next')));
        })}
      >
        <TextField form={form} name="email" label={t('auth.email')} type="email" autoComplete="email" />
        <TextField
          form={form}
          name="password"
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
        />
        <FormError form={form} />
        <button type="submit" className="primary" disabled={form.submitting}>
          {t('auth.signIn')}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t('auth.forgot')}</Link>
      </p>
      <p>
        {t('auth.noAccount')} <Link to="/register">{t('auth.registerTitle')}</Link>
      </p>
    </section>
  );
}
