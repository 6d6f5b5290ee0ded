import { LanguageCode, assertCentimes, type MoneyValue } from '@taawoun/core';

/** Moroccan conventions for each language (Latin digits in Arabic too, as Moroccan shops print). */
const LOCALES: Record<LanguageCode, string> = {
  [LanguageCode.fr]: 'fr-MA',
  [LanguageCode.ar]: 'ar-MA',
  [LanguageCode.en]: 'en-MA',
};

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(language: LanguageCode, currency: string): Intl.NumberFormat {
  const key = `${language}:${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[language] ?? LOCALES[LanguageCode.fr], {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * An amount of integer centimes as the recipient reads it ("1.234,50 MAD", "MAD 1,234.50",
 * "‏1.234,50 د.م.‏"). The centimes go to Intl as an exact decimal string, never through a float.
 */
export function formatMoney(value: MoneyValue, language: LanguageCode): string {
  assertCentimes(value.amount);
  const abs = Math.abs(value.amount);
  const decimal = `${value.amount < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return formatter(language, value.currency).format(decimal as unknown as number);
}
