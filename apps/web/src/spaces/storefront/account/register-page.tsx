import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { email, maxLength, minLength, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { useSession } from '../../../lib/session/session-context';
import { storefrontMessages } from '../messages';

const StoreRegisterDocument = graphql(`
  mutation StoreRegister($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      refreshToken
    }
  }
`);

/** /register: an account in the current language (it becomes the user's preferredLanguage). */
export default function RegisterPage() {
  const t = useMessages(storefrontMessages);
  const { locale } = useI18n();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [, register] = useMutation(StoreRegisterDocument);
  const form = useForm({
    initial: { fullName: '', email: '', password: '' },
    rules: {
      fullName: [required, maxLength(200)],
      email: [required, email],
      password: [required, minLength(10), maxLength(128)],
    },
  });
  return (
    <section className="narrow">
      <h1>{t('auth.registerTitle')}</h1>
      <form
        noValidate
        onSubmit={form.handleSubmit(async (v) => {
          const result = await register({
            input: {
              fullName: v.fullName.trim(),
              email: v.email.trim(),
              password: v.password,
              preferredLanguage: locale,
            },
          });
          if (!result.data) return result.error;
          signIn(result.data.register);
          void navigate('/account');
        })}
      >
        <TextField form={form} name="fullName" label={t('auth.fullName')} autoComplete="name" />
        <TextField form={form} name="email" label={t('auth.email')} type="email" autoComplete="email" />
        <TextField
          form={form}
          name="password"
          label={t('auth.password')}
          hint={t('auth.passwordHint')}
          type="password"
          autoComplete="new-password"
        />
        <FormError form={form} />
        <button type="submit" className="primary" disabled={form.submitting}>
          {t('auth.register')}
        </button>
      </form>
      <p>
        {t('auth.haveAccount')} <Link to="/sign-in">{t('auth.signIn')}</Link>
      </p>
    </section>
  );
}
