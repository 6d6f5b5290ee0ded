import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';
import { priceMad, toCentimes } from '../shared/rules';

const CoopSetShippingTermsDocument = graphql(`
  mutation CoopSetShippingTerms($cooperativeId: ID!, $minimumOrderAmount: Int, $freeShippingThreshold: Int) {
    setShippingTerms(
      cooperativeId: $cooperativeId
      minimumOrderAmount: $minimumOrderAmount
      freeShippingThreshold: $freeShippingThreshold
    ) {
      id
      minimumOrderAmount {
        amount
        currency
      }
      freeShippingThreshold {
        amount
        currency
      }
    }
  }
`);

const mad = (amount: number | undefined) => (amount === undefined ? '' : (amount / 100).toFixed(2));

/** The minimum order and the free-shipping threshold, in MAD; empty clears a term. */
export function ShippingTermsForm(props: {
  cooperativeId: string;
  minimum?: number;
  freeFrom?: number;
  onSaved(): void;
}) {
  const t = useMessages(backofficeMessages);
  const form = useForm({
    initial: { minimumOrderAmount: mad(props.minimum), freeShippingThreshold: mad(props.freeFrom) },
    rules: { minimumOrderAmount: [priceMad], freeShippingThreshold: [priceMad] },
    serverPaths: { minimumOrderAmount: 'minimumOrderAmount', freeShippingThreshold: 'freeShippingThreshold' },
  });
  const [, save] = useMutation(CoopSetShippingTermsDocument);
  const [saved, setSaved] = useState(false);
  return (
    <form
      noValidate
      aria-labelledby="terms-title"
      onSubmit={form.handleSubmit(async (v) => {
        const result = await save({
          cooperativeId: props.cooperativeId,
          minimumOrderAmount: v.minimumOrderAmount.trim() ? toCentimes(v.minimumOrderAmount) : null,
          freeShippingThreshold: v.freeShippingThreshold.trim() ? toCentimes(v.freeShippingThreshold) : null,
        });
        setSaved(!result.error);
        if (!result.error) props.onSaved();
        return result.error;
      })}
    >
      <h2 id="terms-title">{t('terms.title')}</h2>
      <TextField form={form} name="minimumOrderAmount" label={t('terms.minimum')} inputMode="decimal" />
      <TextField form={form} name="freeShippingThreshold" label={t('terms.freeFrom')} inputMode="decimal" />
      <FormError form={form} />
      {saved ? <p role="status">{t('terms.saved')}</p> : null}
      <button type="submit" disabled={form.submitting}>
        {t('terms.save')}
      </button>
    </form>
  );
}
