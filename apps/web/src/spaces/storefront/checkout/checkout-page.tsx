import { lazy, Suspense, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { PaymentMethod } from '../../../gql/graphql';
import { FormError, TextField } from '../../../lib/forms/fields';
import {
  countryCode,
  email,
  maxLength,
  minLength,
  phone,
  postalCode,
  required,
} from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { Loading } from '../../../lib/ui/loading';
import { useSession } from '../../../lib/session/session-context';
import { StoreSettingsDocument } from '../cart/cart-page';
import { useCart } from '../cart/cart-context';
import { storefrontMessages } from '../messages';

// Stripe's script is loaded only for a card payment, and only when a publishable key is configured.
const CardPayment = lazy(() => import('./card-payment'));

const StoreCheckoutDocument = graphql(`
  mutation StoreCheckout($input: CheckoutInput!) {
    checkout(input: $input) {
      guestAccessToken
      paymentClientSecret
      order {
        id
        number
        total {
          amount
          currency
        }
      }
    }
  }
`);

const ADDRESS = 'input.shippingAddress';

/** /checkout: contact, shipping address, cash on delivery (or card with Stripe Elements). Guests welcome. */
export default function CheckoutPage() {
  const t = useMessages(storefrontMessages);
  const { money } = useI18n();
  const { user } = useSession();
  const cart = useCart();
  const navigate = useNavigate();
  const [settings] = useQuery({ query: StoreSettingsDocument });
  const [, checkout] = useMutation(StoreCheckoutDocument);
  const [method, setMethod] = useState<PaymentMethod>('CASH_ON_DELIVERY');
  const [card, setCard] = useState<{ secret: string; url: string; amount: string } | null>(null);
  // Set once the order exists: the cart is gone then, which must not send this page to /cart.
  const [placed, setPlaced] = useState(false);
  const form = useForm({
    initial: {
      email: user?.email ?? '',
      fullName: user?.fullName ?? '',
      phone: '',
      line1: '',
      line2: '',
      city: '',
      postalCode: '',
      countryCode: 'MA',
    },
    rules: {
      email: [required, email],
      fullName: [required, minLength(2), maxLength(200)],
      phone: [required, phone],
      line1: [required, minLength(2), maxLength(200)],
      line2: [maxLength(200)],
      city: [required, minLength(2), maxLength(100)],
      postalCode: [postalCode],
      countryCode: [required, countryCode],
    },
    serverPaths: {
      email: 'input.email',
      fullName: `${ADDRESS}.fullName`,
      phone: `${ADDRESS}.phone`,
      line1: `${ADDRESS}.line1`,
      line2: `${ADDRESS}.line2`,
      city: `${ADDRESS}.city`,
      postalCode: `${ADDRESS}.postalCode`,
      countryCode: `${ADDRESS}.countryCode`,
    },
  });

  if (card) {
    return (
      <Suspense fallback={<Loading />}>
        <CardPayment
          publishableKey={settings.data!.storefrontSettings.stripePublishableKey!}
          clientSecret={card.secret}
          returnUrl={card.url}
          amount={card.amount}
        />
      </Suspense>
    );
  }
  if (placed) return <Loading />;
  if (!cart.cartId || (cart.cart && cart.cart.lines.length === 0)) return <Navigate to="/cart" replace />;
  const cardOn = Boolean(settings.data?.storefrontSettings.stripePublishableKey);

  return (
    <section className="checkout-page">
      <h1>{t('checkout.title')}</h1>
      {!user ? <p>{t('checkout.guest')}</p> : null}
      <form
        noValidate
        onSubmit={form.handleSubmit(async (v) => {
          const result = await checkout({
            input: {
              cartId: cart.cartId!,
              email: v.email.trim(),
              paymentMethod: method,
              shippingAddress: {
                fullName: v.fullName.trim(),
                phone: v.phone.trim(),
                line1: v.line1.trim(),
                line2: v.line2.trim() || null,
                city: v.city.trim(),
                postalCode: v.postalCode.trim() || null,
                countryCode: v.countryCode.trim().toUpperCase(),
              },
            },
          });
          if (!result.data) return result.error;
          const { order, guestAccessToken, paymentClientSecret } = result.data.checkout;
          const url = `/orders/${encodeURIComponent(order.number)}${
            guestAccessToken ? `?token=${encodeURIComponent(guestAccessToken)}` : ''
          }`;
          // The checked-out cart is forgotten by the cart provider when the API stops answering it.
          setPlaced(true);
          if (method === 'CARD' && paymentClientSecret)
            setCard({ secret: paymentClientSecret, url, amount: money(order.total) });
          else void navigate(url, { state: { placed: true } });
        })}
      >
        <fieldset>
          <legend>{t('checkout.contact')}</legend>
          <TextField form={form} name="email" label={t('checkout.email')} type="email" autoComplete="email" />
        </fieldset>
        <fieldset>
          <legend>{t('checkout.address')}</legend>
          <TextField form={form} name="fullName" label={t('checkout.fullName')} autoComplete="name" />
          <TextField
            form={form}
            name="phone"
            label={t('checkout.phone')}
            type="tel"
            autoComplete="tel"
            dir="ltr"
          />
          <TextField form={form} name="line1" label={t('checkout.line1')} autoComplete="address-line1" />
          <TextField form={form} name="line2" label={t('checkout.line2')} autoComplete="address-line2" />
          <TextField form={form} name="city" label={t('checkout.city')} autoComplete="address-level2" />
          <TextField
            form={form}
            name="postalCode"
            label={t('checkout.postalCode')}
            autoComplete="postal-code"
          />
          <TextField
            form={form}
            name="countryCode"
            label={t('checkout.countryCode')}
            autoComplete="country"
            maxLength={2}
          />
        </fieldset>
        <fieldset>
          <legend>{t('checkout.payment')}</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="paymentMethod"
              checked={method === 'CASH_ON_DELIVERY'}
              onChange={() => setMethod('CASH_ON_DELIVERY')}
            />
            <span>{t('checkout.cod')}</span>
          </label>
          {cardOn ? (
            <label className="checkbox">
              <input
                type="radio"
                name="paymentMethod"
                checked={method === 'CARD'}
                onChange={() => setMethod('CARD')}
              />
              <span>{t('checkout.card')}</span>
            </label>
          ) : null}
        </fieldset>
        <FormError form={form} />
        <button type="submit" className="primary" disabled={form.submitting}>
          {t('checkout.place')}
        </button>
      </form>
    </section>
  );
}
