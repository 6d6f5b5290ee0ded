import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { useSession } from '../../../lib/session/session-context';
import { storefrontMessages, type StorefrontKey } from '../messages';

const StoreMyOrdersDocument = graphql(`
  query StoreMyOrders {
    myOrders(first: 20) {
      edges {
        node {
          id
          number
          status
          createdAt
          total {
            amount
            currency
          }
        }
      }
    }
  }
`);
const StoreRequestVerificationDocument = graphql(`
  mutation StoreRequestVerification {
    requestEmailVerification
  }
`);

/** /account: the signed-in buyer's orders (and a new verification link when needed). */
export default function AccountPage() {
  const t = useMessages(storefrontMessages);
  const { money, date } = useI18n();
  const { user, loading } = useSession();
  const [{ data }] = useQuery({ query: StoreMyOrdersDocument, pause: !user, requestPolicy: 'network-only' });
  const [sent, setSent] = useState(false);
  const [, requestVerification] = useMutation(StoreRequestVerificationDocument);
  if (loading) return <Loading />;
  if (!user) return <Navigate to="/sign-in?next=/account" replace />;
  const orders = data?.myOrders.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <h1>{t('account.title')}</h1>
      <p>
        {user.fullName} · {user.email}
      </p>
      {!user.emailVerified ? (
        <p>
          {t('auth.notVerified')}{' '}
          {sent ? (
            <span role="status">{t('auth.verifySent')}</span>
          ) : (
            <button
              type="button"
              className="link-button"
              onClick={() => void requestVerification({}).then(() => setSent(true))}
            >
              {t('auth.verifyResend')}
            </button>
          )}
        </p>
      ) : null}
      <h2>{t('account.orders')}</h2>
      {data && orders.length === 0 ? <p>{t('account.noOrders')}</p> : null}
      <ul className="cart-lines">
        {orders.map((o) => (
          <li key={o.id}>
            <Link to={`/orders/${encodeURIComponent(o.number)}`}>{o.number}</Link>
            <span>{date(o.createdAt)}</span>
            <span>{t(`status.${o.status}` as StorefrontKey)}</span>
            <span className="price">{money(o.total)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
