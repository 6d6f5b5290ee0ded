import { registerEnumType } from '@nestjs/graphql';

/** The languages of the marketplace: French and Arabic for commerce in Morocco, English for buyers abroad. */
export enum LanguageCode {
  fr = 'fr',
  ar = 'ar',
  en = 'en',
}
registerEnumType(LanguageCode, { name: 'LanguageCode' });

export const DEFAULT_LANGUAGE = LanguageCode.fr;

/** Picks the text in `language`, falling back to `fallback` and then to any text there is. */
export function pickLanguage(
  texts: Partial<Record<LanguageCode, string | null>>,
  language: LanguageCode | null | undefined,
  fallback: LanguageCode = DEFAULT_LANGUAGE,
): string {
  return texts[language ?? fallback] ?? texts[fallback] ?? Object.values(texts).find((t) => !!t) ?? '';
}
