import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { storefrontMessages } from '../messages';
import { useCart } from './cart-context';
import { cartParts } from './cart-parts';

export const StoreSettingsDocument = graphql(`
  query StoreSettings {
    storefrontSettings {
      shippingFlatFee {
        amount
        currency
      }
      stripePublishableKey
    }
  }
`);

/** /cart: the cart split per cooperative, each part with its shipping and minimum order. */
export default function CartPage() {
  const t = useMessages(storefrontMessages);
  const { money } = useI18n();
  const { cart, fetching, setQuantity } = useCart();
  const [settings] = useQuery({ query: StoreSettingsDocument });
  if (fetching && !cart) return <Loading />;
  if (!cart || cart.lines.length === 0)
    return (
      <section>
        <h1>{t('cart.title')}</h1>
        <p>{t('cart.empty')}</p>
        <Link to="/products">{t('home.browse')}</Link>
      </section>
    );
  const flatFee = settings.data?.storefrontSettings.shippingFlatFee;
  if (!flatFee) return <Loading />;
  const parts = cartParts(cart.lines, flatFee);
  const grandTotal = { amount: parts.reduce((s, p) => s + p.total.amount, 0), currency: cart.total.currency };
  const blocked = parts.some((p) => p.missingForMinimum);

  return (
    <section className="cart-page">
      <h1>{t('cart.title')}</h1>
      {parts.map((part) => (
        <section
          key={part.cooperative.id}
          className="cart-part"
          aria-labelledby={`part-${part.cooperative.id}`}
        >
          <h2 id={`part-${part.cooperative.id}`}>{t('cart.part', { name: part.cooperative.name })}</h2>
          <ul className="cart-lines">
            {part.lines.map((line) => (
              <li key={line.id}>
                <Link to={`/products/${line.variant.product.slug}`}>{line.variant.name}</Link>
                <label className="quantity">
                  <span className="visually-hidden">{t('cart.quantityOf', { name: line.variant.name })}</span>
                  <select
                    value={line.quantity}
                    onChange={(e) => void setQuantity(line.id, Number(e.target.value))}
                  >
                    {Array.from(
                      { length: Math.max(line.quantity, Math.min(99, line.variant.stock)) },
                      (_, i) => (
                        <option key={i + 1} value={i + 1}>
                          {i + 1}
                        </option>
                      ),
                    )}
                  </select>
                </label>
                <span className="price">{money(line.lineTotal)}</span>
                <button type="button" className="link-button" onClick={() => void setQuantity(line.id, 0)}>
                  {t('cart.remove', { name: line.variant.name })}
                </button>
              </li>
            ))}
          </ul>
          <dl className="totals">
            <dt>{t('cart.subtotal')}</dt>
            <dd>{money(part.subtotal)}</dd>
            <dt>{t('cart.shipping')}</dt>
            <dd>{part.shipping.amount === 0 ? t('cart.freeShipping') : money(part.shipping)}</dd>
          </dl>
          {part.cooperative.freeShippingThreshold && part.shipping.amount > 0 ? (
            <p className="muted">
              {t('cart.freeFrom', { amount: money(part.cooperative.freeShippingThreshold) })}
            </p>
          ) : null}
          {part.missingForMinimum && part.cooperative.minimumOrderAmount ? (
            <p className="form-error" role="alert">
              {t('cart.minimum', {
                amount: money(part.cooperative.minimumOrderAmount),
                missing: money(part.missingForMinimum),
              })}
            </p>
          ) : null}
        </section>
      ))}
      <p className="grand-total">
        <strong>
          {t('cart.total')} : <span data-testid="cart-total">{money(grandTotal)}</span>
        </strong>
      </p>
      {blocked ? (
        <button type="button" className="primary" disabled>
          {t('cart.checkout')}
        </button>
      ) : (
        <Link className="button" to="/checkout">
          {t('cart.checkout')}
        </Link>
      )}
    </section>
  );
}
