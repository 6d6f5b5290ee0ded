import { assertCentimes } from '@taawoun/core';

/** One pending bank payout as the bank's transfer file lists it. */
export interface PayoutCsvRow {
  payoutId: string;
  cooperativeName: string;
  accountHolder: string;
  /** The full 24-character RIB: the bank cannot transfer without it (admins only). */
  rib: string;
  /** Integer centimes. */
  amount: number;
  currency: string;
  /** ISO 8601. */
  createdAt: Date;
}

export const PAYOUT_CSV_HEADER = [
  'payout_id',
  'cooperative',
  'account_holder',
  'rib',
  'amount',
  'currency',
  'created_at',
] as const;

/** Centimes as a decimal string with two places ("1234.50", "-0.05"), never through a float. */
export function centimesToDecimal(amount: number): string {
  assertCentimes(amount);
  const abs = Math.abs(amount);
  return `${amount < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, separator or line break. A cell that a
 * spreadsheet would read as a formula (=, +, -, @, tab, carriage return first) gets a leading
 * apostrophe, because cooperative names and account holders are typed by clients.
 */
export function csvCell(value: string): string {
  let text = value;
  const first = text.charAt(0);
  if (first === '=' || first === '+' || first === '-' || first === '@' || first === '\t' || first === '\r') {
    text = `'${text}`;
  }
  if (/[",\r\n]/.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** The CSV file of pending bank payouts: a header line, then one line per payout, CRLF-ended. */
export function formatPayoutCsv(rows: readonly PayoutCsvRow[]): string {
  const lines = [PAYOUT_CSV_HEADER.join(',')];
  for (const row of rows) {
    lines.push(
      [
        csvCell(row.payoutId),
        csvCell(row.cooperativeName),
        csvCell(row.accountHolder),
        csvCell(row.rib),
        centimesToDecimal(row.amount),
        csvCell(row.currency),
        row.createdAt.toISOString(),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
