import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { backofficeMessages } from '../messages';
import { CoopGate } from '../shared/coop-gate';
import { canManage, type MyMembership } from '../shared/use-my-cooperative';
import { RibForm } from './rib-form';

const CoopLedgerDocument = graphql(`
  query CoopLedger($id: ID!) {
    cooperativeLedger(cooperativeId: $id) {
      balance {
        amount
        currency
      }
      payable {
        amount
        currency
      }
      paidOut {
        amount
        currency
      }
      entries(first: 50) {
        id
        at
        type
        amount {
          amount
          currency
        }
        subOrder {
          id
          order {
            id
            number
          }
        }
      }
    }
  }
`);

const CoopPayoutAccountDocument = graphql(`
  query CoopPayoutAccount($id: ID!) {
    cooperative(id: $id) {
      id
      payoutAccount {
        method
        status
        ribLast4
        accountHolder
        payoutsEnabled
      }
    }
  }
`);

const CoopStartOnboardingDocument = graphql(`
  mutation CoopStartOnboarding($cooperativeId: ID!, $refreshUrl: String!, $returnUrl: String!) {
    startPayoutOnboarding(cooperativeId: $cooperativeId, refreshUrl: $refreshUrl, returnUrl: $returnUrl)
  }
`);

function PayoutAccount(props: { cooperativeId: string; owner: boolean }) {
  const t = useMessages(backofficeMessages);
  const [{ data }, reload] = useQuery({
    query: CoopPayoutAccountDocument,
    variables: { id: props.cooperativeId },
  });
  const [onboarding, startOnboarding] = useMutation(CoopStartOnboardingDocument);
  const account = data?.cooperative?.payoutAccount;
  const here = `${window.location.origin}/coop/finance`;
  return (
    <section aria-labelledby="payout-title">
      <h2 id="payout-title">{t('finance.payoutAccount')}</h2>
      {account ? (
        <p>
          {t(`payoutMethod.${account.method}`)} — {t(`payoutStatus.${account.status}`)}
          {account.ribLast4
            ? ` — ${t('finance.ribEnding', { last4: account.ribLast4, holder: account.accountHolder ?? '' })}`
            : ''}
        </p>
      ) : (
        <p>{t('finance.noAccount')}</p>
      )}
      {props.owner ? (
        <>
          <RibForm
            cooperativeId={props.cooperativeId}
            onSaved={() => reload({ requestPolicy: 'network-only' })}
          />
          <p>
            <button
              type="button"
              disabled={onboarding.fetching}
              onClick={() =>
                void startOnboarding({
                  cooperativeId: props.cooperativeId,
                  refreshUrl: here,
                  returnUrl: here,
                }).then((r) => {
                  if (r.data) window.location.assign(r.data.startPayoutOnboarding);
                })
              }
            >
              {t('finance.stripeOnboarding')}
            </button>
          </p>
          {onboarding.error ? (
            <p className="form-error" role="alert">
              {onboarding.error.graphQLErrors[0]?.message ?? t('error.generic')}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function Finance(props: { membership: MyMembership }) {
  const t = useMessages(backofficeMessages);
  const { money, date } = useI18n();
  const id = props.membership.cooperative.id;
  const [{ data, fetching }] = useQuery({ query: CoopLedgerDocument, variables: { id } });
  const ledger = data?.cooperativeLedger;
  return (
    <section>
      <h1>{t('finance.title')}</h1>
      {fetching && !ledger ? <Loading /> : null}
      {ledger ? (
        <>
          <dl>
            <dt>{t('finance.balance')}</dt>
            <dd>{money(ledger.balance)}</dd>
            <dt>{t('finance.payable')}</dt>
            <dd>{money(ledger.payable)}</dd>
            <dt>{t('finance.paidOut')}</dt>
            <dd>{money(ledger.paidOut)}</dd>
          </dl>
          <table>
            <caption>{t('finance.entries')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('finance.date')}</th>
                <th scope="col">{t('finance.type')}</th>
                <th scope="col">{t('finance.order')}</th>
                <th scope="col">{t('finance.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.entries.map((e) => (
                <tr key={e.id}>
                  <td>{date(e.at)}</td>
                  <td>{t(`ledgerType.${e.type}`)}</td>
                  <td>{e.subOrder?.order.number ?? ''}</td>
                  <td>{money(e.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {canManage(props.membership) ? (
        <PayoutAccount cooperativeId={id} owner={props.membership.role === 'OWNER'} />
      ) : null}
    </section>
  );
}

/** /coop/finance: the ledger (balance, payable, paid out, entries) and the payout account. */
export default function FinancePage() {
  return <CoopGate>{(m) => <Finance membership={m} />}</CoopGate>;
}
