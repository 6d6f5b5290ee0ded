import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { FormError } from '../../../lib/forms/fields';
import { maxLength, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';
import { TextAreaField } from '../shared/choice-fields';

const CoopRequestIdentitySupportDocument = graphql(`
  mutation CoopRequestIdentitySupport($cooperativeId: ID!, $needs: String!) {
    requestIdentitySupport(cooperativeId: $cooperativeId, needs: $needs) {
      id
      status
    }
  }
`);

/** Asks the platform for visual-identity support (one unfinished request at a time). */
export function RequestSupportForm(props: { cooperativeId: string; onRequested(): void }) {
  const t = useMessages(backofficeMessages);
  const form = useForm({
    initial: { needs: '' },
    rules: { needs: [required, maxLength(2000)] },
    serverPaths: { needs: 'needs' },
  });
  const [, request] = useMutation(CoopRequestIdentitySupportDocument);
  return (
    <form
      noValidate
      aria-labelledby="request-support-title"
      onSubmit={form.handleSubmit(async (v) => {
        const result = await request({ cooperativeId: props.cooperativeId, needs: v.needs.trim() });
        if (!result.error) props.onRequested();
        return result.error;
      })}
    >
      <h2 id="request-support-title">{t('brand.requestTitle')}</h2>
      <TextAreaField form={form} name="needs" label={t('brand.needs')} />
      <FormError form={form} />
      <button type="submit" className="primary" disabled={form.submitting}>
        {t('brand.request')}
      </button>
    </form>
  );
}
