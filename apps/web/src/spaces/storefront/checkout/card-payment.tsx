import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe } from '@stripe/stripe-js';
import { useMemo, useState, type FormEvent } from 'react';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { storefrontMessages } from '../messages';

function PayForm(props: { returnUrl: string; amount: string }) {
  const t = useMessages(storefrontMessages);
  const stripe = useStripe();
  const elements = useElements();
  const [error, setError] = useState<string | null>(null);
  const [paying, setPaying] = useState(false);
  const pay = async (event: FormEvent) => {
    event.preventDefault();
    if (!stripe || !elements) return;
    setPaying(true);
    const result = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: new URL(props.returnUrl, window.location.origin).toString() },
    });
    setPaying(false);
    if (result.error) setError(result.error.message ?? null);
  };
  return (
    <form onSubmit={(e) => void pay(e)}>
      <PaymentElement />
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={!stripe || paying}>
        {t('checkout.pay', { amount: props.amount })}
      </button>
    </form>
  );
}

/** Card payment with Stripe Elements for an order just placed (its PaymentIntent's client secret). */
export default function CardPayment(props: {
  publishableKey: string;
  clientSecret: string;
  returnUrl: string;
  amount: string;
}) {
  const t = useMessages(storefrontMessages);
  const { locale } = useI18n();
  const stripe = useMemo(() => loadStripe(props.publishableKey), [props.publishableKey]);
  return (
    <section>
      <h1>{t('checkout.card')}</h1>
      <Elements stripe={stripe} options={{ clientSecret: props.clientSecret, locale }}>
        <PayForm returnUrl={props.returnUrl} amount={props.amount} />
      </Elements>
    </section>
  );
}
