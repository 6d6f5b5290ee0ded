import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { maxLength, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';

const CoopShipSubOrderDocument = graphql(`
  mutation CoopShipSubOrder($id: ID!, $carrier: String!, $trackingNumber: String!) {
    markSubOrderShipped(id: $id, carrier: $carrier, trackingNumber: $trackingNumber) {
      id
      status
      carrier
      trackingNumber
    }
  }
`);

/** The API's rules for markSubOrderShipped: both required, one line, at most 100 characters. */
export const SHIP_RULES = {
  carrier: [required, maxLength(100)],
  trackingNumber: [required, maxLength(100)],
};

/** Ships a sub-order with its carrier and tracking number (AWAITING_FULFILMENT → SHIPPED). */
export function ShipForm(props: { subOrderId: string; label: string; onShipped(): void }) {
  const t = useMessages(backofficeMessages);
  const form = useForm({
    initial: { carrier: '', trackingNumber: '' },
    rules: SHIP_RULES,
    serverPaths: { carrier: 'carrier', trackingNumber: 'trackingNumber' },
  });
  const [, ship] = useMutation(CoopShipSubOrderDocument);
  return (
    <form
      noValidate
      aria-label={props.label}
      className="inline-form"
      onSubmit={form.handleSubmit(async (v) => {
        const result = await ship({
          id: props.subOrderId,
          carrier: v.carrier.trim(),
          trackingNumber: v.trackingNumber.trim(),
        });
        if (!result.error) props.onShipped();
        return result.error;
      })}
    >
      <TextField form={form} name="carrier" label={t('orders.carrier')} />
      <TextField form={form} name="trackingNumber" label={t('orders.trackingNumber')} />
      <FormError form={form} />
      <button type="submit" className="primary" disabled={form.submitting}>
        {t('orders.ship')}
      </button>
    </form>
  );
}
