import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { maxLength, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';
import { compactRib, rib } from '../shared/rules';

const CoopSetBankDetailsDocument = graphql(`
  mutation CoopSetBankDetails($cooperativeId: ID!, $accountHolder: String!, $rib: String!) {
    setBankPayoutDetails(cooperativeId: $cooperativeId, accountHolder: $accountHolder, rib: $rib) {
      method
      status
      ribLast4
      accountHolder
    }
  }
`);

/** The OWNER's bank details for transfers: holder and RIB (the API verifies its key). */
export function RibForm(props: { cooperativeId: string; onSaved(): void }) {
  const t = useMessages(backofficeMessages);
  const form = useForm({
    initial: { accountHolder: '', rib: '' },
    rules: { accountHolder: [required, maxLength(200)], rib: [required, rib] },
    serverPaths: { accountHolder: 'accountHolder', rib: 'rib' },
  });
  const [, save] = useMutation(CoopSetBankDetailsDocument);
  return (
    <form
      noValidate
      aria-labelledby="rib-title"
      onSubmit={form.handleSubmit(async (v) => {
        const result = await save({
          cooperativeId: props.cooperativeId,
          accountHolder: v.accountHolder.trim(),
          rib: compactRib(v.rib),
        });
        if (!result.error) {
          form.set('rib', '');
          props.onSaved();
        }
        return result.error;
      })}
    >
      <h2 id="rib-title">{t('finance.ribTitle')}</h2>
      <TextField form={form} name="accountHolder" label={t('finance.accountHolder')} />
      <TextField form={form} name="rib" label={t('finance.rib')} inputMode="numeric" autoComplete="off" />
      <FormError form={form} />
      <button type="submit" className="primary" disabled={form.submitting}>
        {t('finance.saveRib')}
      </button>
    </form>
  );
}
