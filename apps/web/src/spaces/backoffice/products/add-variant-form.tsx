import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';
import { toCentimes } from '../shared/rules';
import { VARIANT_RULES } from './product-fields';

const CoopAddVariantDocument = graphql(`
  mutation CoopAddVariant($productId: ID!, $input: VariantInput!) {
    addVariant(productId: $productId, input: $input) {
      id
    }
  }
`);

/** Adds a variant (SKU, price, stock, one option such as "Poids: 1kg"). */
export function AddVariantForm(props: { productId: string; onAdded(): void }) {
  const t = useMessages(backofficeMessages);
  const form = useForm({
    initial: { sku: '', price: '', stock: '0', optionName: '', optionValue: '' },
    rules: VARIANT_RULES,
    serverPaths: {
      sku: 'input.sku',
      price: 'input.priceAmount',
      stock: 'input.stock',
      optionName: 'input.options.0.name',
      optionValue: 'input.options.0.value',
    },
  });
  const [, add] = useMutation(CoopAddVariantDocument);
  return (
    <form
      noValidate
      aria-labelledby="add-variant-title"
      onSubmit={form.handleSubmit(async (v) => {
        const option = v.optionName.trim() && v.optionValue.trim();
        const result = await add({
          productId: props.productId,
          input: {
            sku: v.sku.trim(),
            priceAmount: toCentimes(v.price) ?? 0,
            stock: Number(v.stock),
            options: option ? [{ name: v.optionName.trim(), value: v.optionValue.trim() }] : [],
          },
        });
        if (!result.error) props.onAdded();
        return result.error;
      })}
    >
      <h3 id="add-variant-title">{t('variant.add')}</h3>
      <TextField form={form} name="sku" label={t('variant.sku')} />
      <TextField form={form} name="price" label={t('variant.price')} inputMode="decimal" />
      <TextField form={form} name="stock" label={t('variant.stock')} inputMode="numeric" />
      <TextField form={form} name="optionName" label={t('variant.optionName')} />
      <TextField form={form} name="optionValue" label={t('variant.optionValue')} />
      <FormError form={form} />
      <button type="submit" disabled={form.submitting}>
        {t('variant.add')}
      </button>
    </form>
  );
}
