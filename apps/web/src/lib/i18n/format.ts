import { intlTagOf, type Locale } from './locale';

/** The API's money: integer minor units (centimes) and an ISO 4217 code. */
export interface Money {
  amount: number;
  currency: string;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A price in the locale's way (Moroccan conventions): fr "1.234,50 MAD", ar "1.234,50 د.م.", en "MAD 1,234.50". */
export function formatMoney(money: Money, locale: Locale): string {
  const key = `${locale}:${money.currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlTagOf(locale), { style: 'currency', currency: money.currency });
    moneyFormats.set(key, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}

export type DateStyle = 'date' | 'dateTime';

/** A date (ISO string from the API, or a Date) in the locale's way, in Morocco's time zone. */
export function formatDate(value: string | Date, locale: Locale, style: DateStyle = 'date'): string {
  const key = `${locale}:${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlTagOf(locale), {
      dateStyle: 'long',
      ...(style === 'dateTime' ? { timeStyle: 'short' } : {}),
      timeZone: 'Africa/Casablanca',
    });
    dateFormats.set(key, format);
  }
  return format.format(typeof value === 'string' ? new Date(value) : value);
}
