import { useLocation, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { storefrontMessages, type StorefrontKey } from '../messages';

const StoreOrderDocument = graphql(`
  query StoreOrder($number: String!, $token: String, $lang: LanguageCode) {
    order(number: $number, guestAccessToken: $token) {
      id
      number
      status
      createdAt
      total {
        amount
        currency
      }
      payment {
        method
        status
      }
      shippingAddress {
        fullName
        line1
        line2
        city
        postalCode
        countryCode
      }
      subOrders {
        id
        status
        carrier
        trackingNumber
        subtotal {
          amount
          currency
        }
        shippingFee {
          amount
          currency
        }
        total {
          amount
          currency
        }
        cooperative {
          id
          name
        }
        lines {
          id
          productName
          quantity
          lineTotal {
            amount
            currency
          }
          variant {
            id
            name(languageCode: $lang)
          }
        }
      }
    }
  }
`);

/** /orders/<number>: the buyer's order (signed in) or a guest's (with ?token= from the e-mail). */
export default function OrderPage() {
  const { number = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const token = params.get('token');
  const t = useMessages(storefrontMessages);
  const { locale, money, date } = useI18n();
  const [{ data, fetching }] = useQuery({
    query: StoreOrderDocument,
    variables: { number, token, lang: locale },
    requestPolicy: 'network-only',
  });
  if (!data) return fetching ? <Loading /> : <p role="alert">{t('order.notFound')}</p>;
  const order = data.order;
  if (!order) return <p role="alert">{t('order.notFound')}</p>;
  const placed = (location.state as { placed?: boolean } | null)?.placed;
  const status = (s: string) => t(`status.${s}` as StorefrontKey);
  return (
    <article className="order-page">
      <h1>{t('order.title', { number: order.number })}</h1>
      {placed && token ? (
        <p className="success">{t('order.keepLink', { link: window.location.href })}</p>
      ) : null}
      <p>{t('order.placedOn', { date: date(order.createdAt, 'dateTime') })}</p>
      <dl className="totals">
        <dt>{t('order.status')}</dt>
        <dd data-testid="order-status">{status(order.status)}</dd>
        <dt>{t('order.payment')}</dt>
        <dd>{t(`payment.${order.payment.method}`)}</dd>
        <dt>{t('order.shipTo')}</dt>
        <dd>
          {order.shippingAddress.fullName}, {order.shippingAddress.line1}
          {order.shippingAddress.line2 ? `, ${order.shippingAddress.line2}` : ''},{' '}
          {order.shippingAddress.city} {order.shippingAddress.postalCode ?? ''}{' '}
          {order.shippingAddress.countryCode}
        </dd>
      </dl>
      {order.subOrders.map((sub) => (
        <section key={sub.id} className="cart-part" aria-labelledby={`sub-${sub.id}`}>
          <h2 id={`sub-${sub.id}`}>{t('order.part', { name: sub.cooperative.name })}</h2>
          <p>
            <span className="badge" data-testid="sub-order-status">
              {status(sub.status)}
            </span>
            {sub.carrier ? (
              <span> {t('order.carrier', { carrier: sub.carrier, tracking: sub.trackingNumber ?? '' })}</span>
            ) : null}
          </p>
          <ul className="cart-lines">
            {sub.lines.map((line) => (
              <li key={line.id}>
                <span>
                  {line.quantity} × {line.variant.name || line.productName}
                </span>
                <span className="price">{money(line.lineTotal)}</span>
              </li>
            ))}
          </ul>
          <dl className="totals">
            <dt>{t('cart.subtotal')}</dt>
            <dd>{money(sub.subtotal)}</dd>
            <dt>{t('cart.shipping')}</dt>
            <dd>{sub.shippingFee.amount === 0 ? t('cart.freeShipping') : money(sub.shippingFee)}</dd>
          </dl>
        </section>
      ))}
      <p className="grand-total">
        <strong>
          {t('order.total')} <span data-testid="order-total">{money(order.total)}</span>
        </strong>
      </p>
    </article>
  );
}
