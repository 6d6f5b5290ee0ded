import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useNavigate } from 'react-router';
import { graphql } from '../../../gql';
import type { LanguageCode } from '../../../gql/graphql';
import { FormError, TextField } from '../../../lib/forms/fields';
import { required } from '../../../lib/forms/rules';
import { useForm } from '../../../lib/forms/use-form';
import { useI18n, useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';
import { SelectField } from '../shared/choice-fields';
import { CoopGate } from '../shared/coop-gate';
import { toCentimes } from '../shared/rules';
import {
  LANGUAGES,
  toTranslations,
  translationRules,
  VARIANT_RULES,
  type TranslationFields,
  type VariantFields,
} from './product-fields';
import { TranslationColumns } from './translation-fields';

const CoopCategoriesDocument = graphql(`
  query CoopCategories($languageCode: LanguageCode) {
    categories {
      code
      name(languageCode: $languageCode)
    }
  }
`);

const CoopCreateProductDocument = graphql(`
  mutation CoopCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
    }
  }
`);

type Fields = 'categoryCode' | TranslationFields | VariantFields;

const INITIAL: Record<Fields, string> = {
  categoryCode: '',
  name_fr: '',
  description_fr: '',
  name_ar: '',
  description_ar: '',
  name_en: '',
  description_en: '',
  sku: '',
  price: '',
  stock: '0',
  optionName: '',
  optionValue: '',
};

/** The new-product form: category, translations side by side, the first variant. */
export function ProductCreateForm(props: { cooperativeId: string; onCreated(id: string): void }) {
  const t = useMessages(backofficeMessages);
  const { locale } = useI18n();
  const [defaultLanguage, setDefaultLanguage] = useState<LanguageCode>(locale);
  // Mutated at submit so that the API's translation indexes point at the filled columns.
  const serverPaths = useMemo<Partial<Record<Fields, string>>>(
    () => ({
      categoryCode: 'input.categoryCode',
      sku: 'input.variants.0.sku',
      price: 'input.variants.0.priceAmount',
      stock: 'input.variants.0.stock',
      optionName: 'input.variants.0.options.0.name',
      optionValue: 'input.variants.0.options.0.value',
    }),
    [],
  );
  const rules = useMemo(
    () => ({ categoryCode: [required], ...translationRules(defaultLanguage), ...VARIANT_RULES }),
    [defaultLanguage],
  );
  const form = useForm<Fields>({ initial: INITIAL, rules, serverPaths });
  const [{ data }] = useQuery({ query: CoopCategoriesDocument, variables: { languageCode: locale } });
  const [, create] = useMutation(CoopCreateProductDocument);
  const defaultLanguageId = 'product-default-language';
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        const option = v.optionName.trim() && v.optionValue.trim();
        const result = await create({
          input: {
            cooperativeId: props.cooperativeId,
            categoryCode: v.categoryCode,
            defaultLanguage,
            translations: toTranslations(v, serverPaths),
            variants: [
              {
                sku: v.sku.trim(),
                priceAmount: toCentimes(v.price) ?? 0,
                stock: Number(v.stock),
                options: option ? [{ name: v.optionName.trim(), value: v.optionValue.trim() }] : [],
              },
            ],
          },
        });
        if (result.data) props.onCreated(result.data.createProduct.id);
        return result.error;
      })}
    >
      <SelectField
        form={form}
        name="categoryCode"
        label={t('product.category')}
        placeholder={t('form.choose')}
        options={(data?.categories ?? []).map((c) => ({ value: c.code, label: c.name }))}
      />
      <div className="field">
        <label htmlFor={defaultLanguageId}>{t('product.defaultLanguage')}</label>
        <select
          id={defaultLanguageId}
          value={defaultLanguage}
          onChange={(e) => setDefaultLanguage(e.target.value as LanguageCode)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <TranslationColumns form={form} />
      <fieldset>
        <legend>{t('variant.first')}</legend>
        <TextField form={form} name="sku" label={t('variant.sku')} />
        <TextField form={form} name="price" label={t('variant.price')} inputMode="decimal" />
        <TextField form={form} name="stock" label={t('variant.stock')} inputMode="numeric" />
        <TextField form={form} name="optionName" label={t('variant.optionName')} />
        <TextField form={form} name="optionValue" label={t('variant.optionValue')} />
      </fieldset>
      <FormError form={form} />
      <button type="submit" className="primary" disabled={form.submitting}>
        {t('product.create')}
      </button>
    </form>
  );
}

/** /coop/products/new */
export default function ProductNewPage() {
  const t = useMessages(backofficeMessages);
  const navigate = useNavigate();
  return (
    <CoopGate>
      {(membership) => (
        <section>
          <h1>{t('product.new')}</h1>
          <ProductCreateForm
            cooperativeId={membership.cooperative.id}
            onCreated={(id) => void navigate(`/coop/products/${id}`)}
          />
        </section>
      )}
    </CoopGate>
  );
}
