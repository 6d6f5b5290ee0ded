import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { maxLength, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { adminMessages } from '../messages';

const AdminMarkPayoutPaidDocument = graphql(`
  mutation AdminMarkPayoutPaid($id: ID!, $reference: String!) {
    markPayoutPaid(id: $id, reference: $reference) {
      id
      status
      reference
      paidAt
    }
  }
`);

const AdminMarkPayoutFailedDocument = graphql(`
  mutation AdminMarkPayoutFailed($id: ID!, $reason: String!) {
    markPayoutFailed(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

/** The API's limits (PayoutsService): a bank reference and a failure reason, one line each. */
export const REFERENCE_MAX = 255;
export const FAILURE_REASON_MAX = 500;

/** A pending payout's two outcomes: paid (bank transfers, with the bank's reference) or failed. */
export function PayoutActions(props: { payoutId: string; cooperative: string; bankTransfer: boolean }) {
  const t = useMessages(adminMessages);
  const [, markPaid] = useMutation(AdminMarkPayoutPaidDocument);
  const [, markFailed] = useMutation(AdminMarkPayoutFailedDocument);
  const paid = useForm({
    initial: { reference: '' },
    rules: { reference: [required, maxLength(REFERENCE_MAX)] },
    serverPaths: { reference: 'reference' },
  });
  const failed = useForm({
    initial: { reason: '' },
    rules: { reason: [required, maxLength(FAILURE_REASON_MAX)] },
    serverPaths: { reason: 'reason' },
  });
  return (
    <div className="actions">
      {props.bankTransfer ? (
        <form
          noValidate
          onSubmit={paid.handleSubmit(
            async (v) => (await markPaid({ id: props.payoutId, reference: v.reference })).error,
          )}
        >
          <TextField
            form={paid}
            name="reference"
            label={t('payouts.referenceFor', { cooperative: props.cooperative })}
            autoComplete="off"
          />
          <FormError form={paid} />
          <button type="submit" disabled={paid.submitting}>
            {t('payouts.markPaid')}
          </button>
        </form>
      ) : null}
      <form
        noValidate
        onSubmit={failed.handleSubmit(
          async (v) => (await markFailed({ id: props.payoutId, reason: v.reason })).error,
        )}
      >
        <TextField
          form={failed}
          name="reason"
          label={t('payouts.reasonFor', { cooperative: props.cooperative })}
          autoComplete="off"
        />
        <FormError form={failed} />
        <button type="submit" disabled={failed.submitting}>
          {t('payouts.markFailed')}
        </button>
      </form>
    </div>
  );
}
