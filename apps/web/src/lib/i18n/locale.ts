/** The languages of every screen; French is the default (as the API's `LanguageCode`). */
export const LOCALES = ['fr', 'ar', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Arabic is written right to left. */
export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** The BCP 47 tag for Intl: Moroccan conventions for fr and ar. */
export function intlTagOf(locale: Locale): string {
  switch (locale) {
    case 'fr':
      return 'fr-MA';
    case 'ar':
      return 'ar-MA';
    case 'en':
      return 'en-GB';
  }
}

const GUEST_LOCALE_KEY = 'taawoun.locale';

/** A guest's choice, remembered in this browser. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(GUEST_LOCALE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(GUEST_LOCALE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}
