import { describe, expect, it } from 'vitest';
import { toTranslations, translationRules } from './product-fields';

const empty = {
  name_fr: '',
  description_fr: '',
  name_ar: '',
  description_ar: '',
  name_en: '',
  description_en: '',
};

describe('product translations', () => {
  it('sends the filled languages only, and points the API’s indexes at the right columns', () => {
    const paths: Record<string, string> = {};
    const translations = toTranslations(
      { ...empty, name_ar: ' عسل الزعتر ', name_en: 'Thyme honey', description_en: ' From the Atlas ' },
      paths,
    );
    expect(translations).toEqual([
      { languageCode: 'ar', name: 'عسل الزعتر', description: null },
      { languageCode: 'en', name: 'Thyme honey', description: 'From the Atlas' },
    ]);
    // An API problem on input.translations.1.name belongs to the English column.
    expect(paths.name_ar).toBe('input.translations.0.name');
    expect(paths.name_en).toBe('input.translations.1.name');
    expect(paths.description_en).toBe('input.translations.1.description');
  });

  it('requires the name in the main language only', () => {
    const rules = translationRules('ar');
    expect(rules.name_ar?.[0]('')).toEqual({ key: 'form.required' });
    expect(rules.name_fr?.every((rule) => rule('') === null)).toBe(true);
  });
});
