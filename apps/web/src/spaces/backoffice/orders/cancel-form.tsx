import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { maxLength, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';

const CoopCancelSubOrderDocument = graphql(`
  mutation CoopCancelSubOrder($id: ID!, $reason: String!) {
    cancelSubOrder(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

/** Cancels a sub-order before shipping, with a reason (at most 500 characters); the API restocks. */
export function CancelForm(props: { subOrderId: string; label: string; onCancelled(): void }) {
  const t = useMessages(backofficeMessages);
  const form = useForm({
    initial: { reason: '' },
    rules: { reason: [required, maxLength(500)] },
    serverPaths: { reason: 'reason' },
  });
  const [, cancel] = useMutation(CoopCancelSubOrderDocument);
  return (
    <form
      noValidate
      aria-label={props.label}
      className="inline-form"
      onSubmit={form.handleSubmit(async (v) => {
        const result = await cancel({ id: props.subOrderId, reason: v.reason.trim() });
        if (!result.error) props.onCancelled();
        return result.error;
      })}
    >
      <TextField form={form} name="reason" label={t('orders.cancelReason')} />
      <FormError form={form} />
      <button type="submit" disabled={form.submitting}>
        {t('orders.cancel')}
      </button>
    </form>
  );
}
