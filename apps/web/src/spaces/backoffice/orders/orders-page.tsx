import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { SubOrderStatus } from '../../../gql/graphql';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { backofficeMessages } from '../messages';
import { CoopGate } from '../shared/coop-gate';
import { CancelForm } from './cancel-form';
import { ShipForm } from './ship-form';

const CoopOrdersDocument = graphql(`
  query CoopOrders($id: ID!, $status: SubOrderStatus) {
    cooperativeOrders(cooperativeId: $id, status: $status, first: 50) {
      totalCount
      edges {
        node {
          id
          status
          carrier
          trackingNumber
          total {
            amount
            currency
          }
          lines {
            id
            productName
            sku
            quantity
          }
          order {
            id
            number
            createdAt
            shippingAddress {
              fullName
              line1
              city
              phone
            }
          }
        }
      }
    }
  }
`);

const CoopDeliverSubOrderDocument = graphql(`
  mutation CoopDeliverSubOrder($id: ID!) {
    markSubOrderDelivered(id: $id) {
      id
      status
    }
  }
`);

const FILTERS: readonly SubOrderStatus[] = ['AWAITING_FULFILMENT', 'SHIPPED', 'DELIVERED', 'CANCELLED'];

function Orders(props: { cooperativeId: string }) {
  const t = useMessages(backofficeMessages);
  const { money, date } = useI18n();
  const [status, setStatus] = useState<SubOrderStatus | ''>('');
  const [{ data, fetching }, reload] = useQuery({
    query: CoopOrdersDocument,
    variables: { id: props.cooperativeId, status: status || null },
    requestPolicy: 'cache-and-network',
  });
  const [delivering, deliver] = useMutation(CoopDeliverSubOrderDocument);
  const refetch = () => reload({ requestPolicy: 'network-only' });
  const subOrders = data?.cooperativeOrders.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <h1>{t('orders.title')}</h1>
      <div className="field">
        <label htmlFor="orders-status">{t('orders.filter')}</label>
        <select
          id="orders-status"
          value={status}
          onChange={(e) => setStatus(e.target.value as SubOrderStatus | '')}
        >
          <option value="">{t('orders.all')}</option>
          {FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`subOrderStatus.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {fetching && !data ? <Loading /> : null}
      {data && subOrders.length === 0 ? <p>{t('orders.none')}</p> : null}
      <ul className="order-list">
        {subOrders.map((s) => (
          <li key={s.id} className="card" aria-labelledby={`order-${s.id}`}>
            <h2 id={`order-${s.id}`}>{t('orders.number', { number: s.order.number })}</h2>
            <p>
              <time dateTime={s.order.createdAt}>{date(s.order.createdAt, 'dateTime')}</time> —{' '}
              <strong data-testid={`status-${s.order.number}`}>{t(`subOrderStatus.${s.status}`)}</strong> —{' '}
              {money(s.total)}
            </p>
            <ul>
              {s.lines.map((l) => (
                <li key={l.id}>
                  {l.quantity} × {l.productName} ({l.sku})
                </li>
              ))}
            </ul>
            <p>
              {t('orders.shipTo')} {s.order.shippingAddress.fullName}, {s.order.shippingAddress.line1},{' '}
              {s.order.shippingAddress.city} — <bdi>{s.order.shippingAddress.phone}</bdi>
            </p>
            {s.carrier ? (
              <p>
                {t('orders.carrier')}: {s.carrier} — {t('orders.trackingNumber')}: {s.trackingNumber}
              </p>
            ) : null}
            {s.status === 'AWAITING_FULFILMENT' ? (
              <>
                <ShipForm
                  subOrderId={s.id}
                  label={t('orders.shipLabel', { number: s.order.number })}
                  onShipped={refetch}
                />
                <CancelForm
                  subOrderId={s.id}
                  label={t('orders.cancelLabel', { number: s.order.number })}
                  onCancelled={refetch}
                />
              </>
            ) : null}
            {s.status === 'SHIPPED' ? (
              <button
                type="button"
                className="primary"
                disabled={delivering.fetching}
                onClick={() => void deliver({ id: s.id }).then(refetch)}
              >
                {t('orders.deliver')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /coop/orders: the cooperative's sub-orders to fulfil (ship, deliver, cancel). */
export default function OrdersPage() {
  return <CoopGate>{(m) => <Orders cooperativeId={m.cooperative.id} />}</CoopGate>;
}
