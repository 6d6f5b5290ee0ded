import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { PayoutStatus } from '../../../gql/graphql';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { adminMessages } from '../messages';
import { QueryState } from '../ui/query-state';
import { downloadPayoutCsv } from './download-csv';
import { PayoutActions } from './payout-actions';

const AdminPayoutsDocument = graphql(`
  query AdminPayouts($status: PayoutStatus, $first: Int, $after: String) {
    payouts(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          method
          status
          reference
          createdAt
          paidAt
          amount {
            amount
            currency
          }
          cooperative {
            id
            name
          }
        }
      }
    }
  }
`);

const AdminRunPayoutsDocument = graphql(`
  mutation AdminRunPayouts {
    runPayouts {
      id
    }
  }
`);

/** An empty list holds no Payout, so tell urql's cache that running payouts invalidates it too. */
const PAYOUT_LIST_CONTEXT = { additionalTypenames: ['Payout'] };

const STATUSES: readonly PayoutStatus[] = ['PENDING', 'PAID', 'FAILED'];

function PayoutList(props: {
  status: PayoutStatus | null;
  after: string | null;
  last: boolean;
  onMore(c: string): void;
}) {
  const t = useMessages(adminMessages);
  const { money, date } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: AdminPayoutsDocument,
    variables: { status: props.status, first: 20, after: props.after },
    requestPolicy: 'cache-and-network',
    context: PAYOUT_LIST_CONTEXT,
  });
  if (!data) return <QueryState fetching={fetching} error={error} hasData={false} />;
  const { edges, pageInfo, totalCount } = data.payouts;
  return (
    <>
      {props.after === null && totalCount === 0 ? <p>{t('payouts.empty')}</p> : null}
      <ul className="admin-list">
        {edges.map(({ node: p }) => (
          <li key={p.id}>
            <dl className="facts">
              <dt>{t('payouts.cooperative')}</dt>
              <dd>
                <Link to={`/admin/cooperatives/${p.cooperative.id}`}>{p.cooperative.name}</Link>
              </dd>
              <dt>{t('payouts.amount')}</dt>
              <dd>{money(p.amount)}</dd>
              <dt>{t('payouts.method')}</dt>
              <dd>{t(`payoutMethod.${p.method}`)}</dd>
              <dt>{t('payouts.status')}</dt>
              <dd>{t(`payoutStatus.${p.status}`)}</dd>
              <dt>{t('payouts.createdAt')}</dt>
              <dd>{date(p.createdAt, 'dateTime')}</dd>
              {p.reference ? (
                <>
                  <dt>{t('payouts.reference')}</dt>
                  <dd>{p.reference}</dd>
                </>
              ) : null}
            </dl>
            {p.status === 'PENDING' ? (
              <PayoutActions
                payoutId={p.id}
                cooperative={p.cooperative.name}
                bankTransfer={p.method === 'BANK_TRANSFER'}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {props.last && pageInfo.hasNextPage && pageInfo.endCursor ? (
        <button type="button" onClick={() => props.onMore(pageInfo.endCursor ?? '')}>
          {t('common.loadMore')}
        </button>
      ) : null}
    </>
  );
}

/** /admin/payouts?status=PENDING: run the payouts, record bank transfers, export the bank file. */
export default function PayoutsPage() {
  const t = useMessages(adminMessages);
  const common = useMessages(commonMessages);
  const client = useClient();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status')) ?? null;
  const [pages, setPages] = useState<{ key: string; list: (string | null)[] }>({ key: '', list: [null] });
  const key = status ?? '';
  const list = pages.key === key ? pages.list : [null];
  const [running, run] = useMutation(AdminRunPayoutsDocument);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);

  return (
    <section>
      <h1>{t('payouts.title')}</h1>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'status-message' : 'form-error'}>
          {message.text}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={running.fetching}
          onClick={() =>
            void run({}).then((r) =>
              setMessage(
                r.data
                  ? { text: t('payouts.ran', { count: r.data.runPayouts.length }), ok: true }
                  : { text: common('error.generic'), ok: false },
              ),
            )
          }
        >
          {t('payouts.run')}
        </button>
        <button
          type="button"
          onClick={() =>
            void downloadPayoutCsv(client).then((ok) => {
              if (!ok) setMessage({ text: common('error.generic'), ok: false });
            })
          }
        >
          {t('payouts.csv')}
        </button>
      </div>
      <div className="field">
        <label htmlFor="payouts-status">{t('payouts.status')}</label>
        <select
          id="payouts-status"
          value={key}
          onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
        >
          <option value="">{t('payouts.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`payoutStatus.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {list.map((after, i) => (
        <PayoutList
          key={`${key}:${after ?? ''}`}
          status={status}
          after={after}
          last={i === list.length - 1}
          onMore={(cursor) => setPages({ key, list: [...list, cursor] })}
        />
      ))}
    </section>
  );
}
