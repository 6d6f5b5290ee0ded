import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { FormError } from '../../../lib/forms/fields';
import { maxLength, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { NOTE_MAX } from '../applications/review-form';
import { adminMessages } from '../messages';
import { TextAreaField } from '../ui/text-area-field';

const AdminSuspendDocument = graphql(`
  mutation AdminSuspendCooperative($id: ID!, $reason: String!) {
    suspendCooperative(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

const AdminReinstateDocument = graphql(`
  mutation AdminReinstateCooperative($id: ID!) {
    reinstateCooperative(id: $id) {
      id
      status
    }
  }
`);

/** Suspend an APPROVED cooperative (with its reason) or reinstate a SUSPENDED one. */
export function SuspensionForm(props: { cooperativeId: string; status: string }) {
  const t = useMessages(adminMessages);
  const [, suspend] = useMutation(AdminSuspendDocument);
  const [reinstating, reinstate] = useMutation(AdminReinstateDocument);
  const form = useForm({
    initial: { reason: '' },
    rules: { reason: [required, maxLength(NOTE_MAX)] },
    serverPaths: { reason: 'reason' },
  });
  if (props.status === 'SUSPENDED')
    return (
      <section aria-labelledby="suspension-title">
        <h2 id="suspension-title">{t('coop.suspendTitle')}</h2>
        {reinstating.error ? <p role="alert">{reinstating.error.graphQLErrors[0]?.message}</p> : null}
        <button
          type="button"
          className="primary"
          disabled={reinstating.fetching}
          onClick={() => void reinstate({ id: props.cooperativeId })}
        >
          {t('coop.reinstate')}
        </button>
      </section>
    );
  if (props.status !== 'APPROVED') return null;
  return (
    <form
      aria-labelledby="suspension-title"
      noValidate
      onSubmit={form.handleSubmit(
        async (v) => (await suspend({ id: props.cooperativeId, reason: v.reason })).error,
      )}
    >
      <h2 id="suspension-title">{t('coop.suspendTitle')}</h2>
      <TextAreaField
        form={form}
        name="reason"
        label={t('coop.reason')}
        hint={t('coop.reasonHint')}
        rows={2}
      />
      <FormError form={form} />
      <button type="submit" disabled={form.submitting}>
        {t('coop.suspend')}
      </button>
    </form>
  );
}
