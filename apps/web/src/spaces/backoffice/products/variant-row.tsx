import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { integer, maxLength, required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';
import { priceMad, toCentimes } from '../shared/rules';

const CoopAdjustStockDocument = graphql(`
  mutation CoopAdjustStock($variantId: ID!, $delta: Int!, $reason: String!) {
    adjustStock(variantId: $variantId, delta: $delta, reason: $reason) {
      id
      stock
    }
  }
`);

const CoopUpdateVariantPriceDocument = graphql(`
  mutation CoopUpdateVariantPrice($id: ID!, $priceAmount: Int) {
    updateVariant(id: $id, priceAmount: $priceAmount) {
      id
      price {
        amount
        currency
      }
    }
  }
`);

/** Non-zero whole number of units, -1 000 000..1 000 000 (the API's adjustStock delta). */
const nonZero = (v: string) => (v.trim() === '0' ? { key: 'form.required' as const } : null);

export const STOCK_RULES = {
  delta: [required, integer(-1_000_000, 1_000_000), nonZero],
  reason: [required, maxLength(200)],
};

/** Adds or removes units with a reason (recorded by the API); never below zero (OUT_OF_STOCK). */
export function StockAdjustForm(props: { variantId: string; label: string; onDone(): void }) {
  const t = useMessages(backofficeMessages);
  const form = useForm({
    initial: { delta: '', reason: '' },
    rules: STOCK_RULES,
    serverPaths: { delta: 'delta', reason: 'reason' },
  });
  const [, adjust] = useMutation(CoopAdjustStockDocument);
  return (
    <form
      noValidate
      aria-label={props.label}
      className="inline-form"
      onSubmit={form.handleSubmit(async (v) => {
        const result = await adjust({
          variantId: props.variantId,
          delta: Number(v.delta),
          reason: v.reason.trim(),
        });
        if (!result.error) {
          form.set('delta', '');
          form.set('reason', '');
          props.onDone();
        }
        return result.error;
      })}
    >
      <TextField form={form} name="delta" label={t('stock.delta')} inputMode="numeric" />
      <TextField form={form} name="reason" label={t('stock.reason')} />
      <FormError form={form} />
      <button type="submit" disabled={form.submitting}>
        {t('stock.adjust')}
      </button>
    </form>
  );
}

function PriceForm(props: { variantId: string; current: number; label: string; onDone(): void }) {
  const t = useMessages(backofficeMessages);
  const form = useForm({
    initial: { price: (props.current / 100).toFixed(2) },
    rules: { price: [required, priceMad] },
    serverPaths: { price: 'priceAmount' },
  });
  const [, update] = useMutation(CoopUpdateVariantPriceDocument);
  return (
    <form
      noValidate
      aria-label={props.label}
      className="inline-form"
      onSubmit={form.handleSubmit(async (v) => {
        const result = await update({ id: props.variantId, priceAmount: toCentimes(v.price) });
        if (!result.error) props.onDone();
        return result.error;
      })}
    >
      <TextField form={form} name="price" label={t('variant.price')} inputMode="decimal" />
      <FormError form={form} />
      <button type="submit" disabled={form.submitting}>
        {t('variant.savePrice')}
      </button>
    </form>
  );
}

/** One variant: its stock and price, with the stock-adjustment and price forms. */
export function VariantRow(props: {
  variant: {
    id: string;
    sku: string;
    stock: number;
    name: string;
    price: { amount: number; currency: string };
  };
  onChanged(): void;
}) {
  const t = useMessages(backofficeMessages);
  const { money } = useI18n();
  const v = props.variant;
  return (
    <li className="card">
      <strong>{v.name}</strong>
      <span>
        {t('variant.sku')}: {v.sku}
      </span>
      <span>
        {t('variant.price')}: {money(v.price)}
      </span>
      <span data-testid={`stock-${v.sku}`}>{t('variant.stockNow', { stock: v.stock })}</span>
      <StockAdjustForm
        variantId={v.id}
        label={t('stock.formLabel', { sku: v.sku })}
        onDone={props.onChanged}
      />
      <PriceForm
        variantId={v.id}
        current={v.price.amount}
        label={t('variant.priceFormLabel', { sku: v.sku })}
        onDone={props.onChanged}
      />
    </li>
  );
}
