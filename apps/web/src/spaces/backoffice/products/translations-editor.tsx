import { useMemo } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import type { LanguageCode } from '../../../gql/graphql';
import { FormError } from '../../../lib/forms/fields';
import { useForm } from '../../../lib/forms/use-form';
import { useMessages } from '../../../lib/i18n/i18n-context';
import { backofficeMessages } from '../messages';
import { toTranslations, translationRules, type TranslationFields } from './product-fields';
import { TranslationColumns } from './translation-fields';

const CoopUpdateTranslationsDocument = graphql(`
  mutation CoopUpdateTranslations($id: ID!, $translations: [TranslationInput!]!) {
    updateProduct(id: $id, input: { translations: $translations }) {
      id
    }
  }
`);

type Translated = {
  id: string;
  defaultLanguage: LanguageCode;
} & Record<`name_${LanguageCode}`, string> &
  Record<`description_${LanguageCode}`, string | null | undefined>;

/**
 * Edits the translations side by side. The API answers missing translations with the default
 * language's text, so a column equal to the default one is shown empty (not a translation yet).
 */
export function TranslationsEditor(props: { product: Translated; onSaved(): void }) {
  const t = useMessages(backofficeMessages);
  const p = props.product;
  const d = p.defaultLanguage;
  const own = (l: LanguageCode, field: 'name' | 'description') => {
    const value = p[`${field}_${l}`] ?? '';
    return l !== d && value === (p[`${field}_${d}`] ?? '') ? '' : value;
  };
  const serverPaths = useMemo<Partial<Record<string, string>>>(() => ({}), []);
  const initial = {} as Record<TranslationFields, string>;
  for (const l of ['fr', 'ar', 'en'] as const) {
    initial[`name_${l}`] = own(l, 'name');
    initial[`description_${l}`] = own(l, 'description');
  }
  const form = useForm<TranslationFields>({ initial, rules: translationRules(d), serverPaths });
  const [, save] = useMutation(CoopUpdateTranslationsDocument);
  return (
    <form
      noValidate
      aria-labelledby="translations-title"
      onSubmit={form.handleSubmit(async (v) => {
        const result = await save({ id: p.id, translations: toTranslations(v, serverPaths) });
        if (!result.error) props.onSaved();
        return result.error;
      })}
    >
      <h2 id="translations-title">{t('translations.title')}</h2>
      <TranslationColumns form={form} />
      <FormError form={form} />
      <button type="submit" disabled={form.submitting}>
        {t('translations.save')}
      </button>
    </form>
  );
}
