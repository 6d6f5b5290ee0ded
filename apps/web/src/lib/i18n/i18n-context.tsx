import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { formatDate, formatMoney, type DateStyle, type Money } from './format';
import { directionOf, type Locale } from './locale';
import { interpolate, type MessageParams, type Messages } from './messages';

export interface I18n {
  locale: Locale;
  dir: 'rtl' | 'ltr';
  /** Changes the language: remembered for the user (preferredLanguage) or in this browser for guests. */
  setLocale(locale: Locale): void;
  money(money: Money): string;
  date(value: string | Date, style?: DateStyle): string;
}

const I18nContext = createContext<I18n | null>(null);

/** Gives the locale to the tree and mirrors it on <html lang dir> (RTL layout for Arabic). */
export function I18nProvider(props: {
  locale: Locale;
  setLocale(locale: Locale): void;
  children: ReactNode;
}) {
  const { locale, setLocale } = props;
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({
      locale,
      dir: directionOf(locale),
      setLocale,
      money: (money) => formatMoney(money, locale),
      date: (value, style) => formatDate(value, locale, style),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside <I18nProvider>');
  return i18n;
}

/** `const t = useMessages(storefrontMessages); t('home.title', { name })`: keys typed per space. */
export function useMessages<Keys extends string>(
  messages: Messages<Keys>,
): (key: Keys, params?: MessageParams) => string {
  const { locale } = useI18n();
  return useCallback(
    (key: Keys, params?: MessageParams) => interpolate(messages[locale][key], params),
    [messages, locale],
  );
}
