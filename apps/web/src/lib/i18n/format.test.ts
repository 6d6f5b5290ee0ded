import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from './format';

// Intl puts no-break and direction marks in; compare the visible text.
const visible = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f\u061c]/g, '');

describe('formatMoney', () => {
  it('turns centimes into dirhams the way each locale writes them (Moroccan conventions)', () => {
    const price = { amount: 123450, currency: 'MAD' };
    expect(visible(formatMoney(price, 'fr'))).toBe('1.234,50 MAD');
    expect(visible(formatMoney(price, 'ar'))).toBe('1.234,50 د.م.');
    expect(visible(formatMoney(price, 'en'))).toBe('MAD 1,234.50');
  });

  it('keeps centimes exact (no floating-point drift)', () => {
    expect(visible(formatMoney({ amount: 1999, currency: 'MAD' }, 'fr'))).toBe('19,99 MAD');
    expect(visible(formatMoney({ amount: 0, currency: 'MAD' }, 'en'))).toBe('MAD 0.00');
    expect(visible(formatMoney({ amount: 1, currency: 'MAD' }, 'en'))).toBe('MAD 0.01');
  });
});

describe('formatDate', () => {
  it('writes the day in Morocco’s time zone, in each language', () => {
    const at = '2026-06-10T23:30:00Z'; // already 11 June in Casablanca (UTC+1)
    expect(formatDate(at, 'fr')).toBe('11 juin 2026');
    expect(formatDate(at, 'ar')).toBe('11 يونيو 2026');
    expect(formatDate(at, 'en')).toBe('11 June 2026');
  });

  it('adds the time when asked', () => {
    expect(formatDate('2026-06-10T23:30:00Z', 'en', 'dateTime')).toBe('11 June 2026 at 00:30');
  });
});
