import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { integer, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { adminMessages } from '../messages';

const AdminSetCommissionDocument = graphql(`
  mutation AdminSetCommissionRate($id: ID!, $rateBps: Int!) {
    setCommissionRate(cooperativeId: $id, rateBps: $rateBps) {
      id
      commissionRateBps
    }
  }
`);

/** The API's bounds on a commission rate, in basis points. */
export const RATE_MIN = 0;
export const RATE_MAX = 10000;

/** The platform's commission on this cooperative's sales, in basis points (500 = 5%). */
export function CommissionForm(props: { cooperativeId: string; rateBps: number }) {
  const t = useMessages(adminMessages);
  const [, setRate] = useMutation(AdminSetCommissionDocument);
  const [saved, setSaved] = useState(false);
  const form = useForm({
    initial: { rateBps: String(props.rateBps) },
    rules: { rateBps: [required, integer(RATE_MIN, RATE_MAX)] },
    serverPaths: { rateBps: 'rateBps' },
  });
  return (
    <form
      aria-labelledby="commission-title"
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        setSaved(false);
        const result = await setRate({ id: props.cooperativeId, rateBps: Number(v.rateBps) });
        if (!result.error) setSaved(true);
        return result.error;
      })}
    >
      <h2 id="commission-title">{t('coop.commissionTitle')}</h2>
      <TextField
        form={form}
        name="rateBps"
        label={t('coop.rateBps')}
        hint={t('coop.rateHint')}
        inputMode="numeric"
      />
      <FormError form={form} />
      {saved ? <p role="status">{t('common.saved')}</p> : null}
      <button type="submit" disabled={form.submitting}>
        {t('coop.saveRate')}
      </button>
    </form>
  );
}
