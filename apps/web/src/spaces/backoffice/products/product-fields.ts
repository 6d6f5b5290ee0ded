import type { Rule } from '../../../lib/forms/rules';
import { integer, maxLength, minLength, required } from '../../../lib/forms/rules';
import type { FormValues } from '../../../lib/forms/use-form';
import type { LanguageCode, TranslationInput } from '../../../gql/graphql';
import { code, priceMad } from '../shared/rules';

export const LANGUAGES: readonly LanguageCode[] = ['fr', 'ar', 'en'];

export type TranslationFields = `name_${LanguageCode}` | `description_${LanguageCode}`;

/** A translation's rules (TranslationInput); the default language's name is required. */
export function translationRules(
  defaultLanguage: LanguageCode,
): Partial<Record<TranslationFields, readonly Rule[]>> {
  const rules: Partial<Record<TranslationFields, readonly Rule[]>> = {};
  for (const l of LANGUAGES) {
    rules[`name_${l}`] =
      l === defaultLanguage ? [required, minLength(2), maxLength(200)] : [minLength(2), maxLength(200)];
    rules[`description_${l}`] = [maxLength(5000)];
  }
  return rules;
}

/**
 * The filled translations in fr, ar, en order; `paths` (the form's serverPaths object) is
 * updated so that the API's `input.translations.<i>.name` lands next to the right field.
 */
export function toTranslations(
  values: FormValues<TranslationFields>,
  paths: Partial<Record<string, string>>,
  prefix = 'input.translations',
): TranslationInput[] {
  const out: TranslationInput[] = [];
  for (const l of LANGUAGES) {
    const name = values[`name_${l}`].trim();
    const description = values[`description_${l}`].trim();
    if (!name && !description) continue;
    paths[`name_${l}`] = `${prefix}.${out.length}.name`;
    paths[`description_${l}`] = `${prefix}.${out.length}.description`;
    out.push({ languageCode: l, name, description: description || null });
  }
  return out;
}

export type VariantFields = 'sku' | 'price' | 'stock' | 'optionName' | 'optionValue';

/** VariantInput's rules: SKU shape, price 0.01..100 000 MAD, stock 0..1 000 000, option 1..40 / 1..80. */
export const VARIANT_RULES: Record<VariantFields, readonly Rule[]> = {
  sku: [required, code('._-', 64)],
  price: [required, priceMad],
  stock: [required, integer(0, 1_000_000)],
  optionName: [maxLength(40)],
  optionValue: [maxLength(80)],
};
