import { describe, expect, it } from 'vitest';
import { code, compactRib, hexColor, isoDate, notInFuture, priceMad, rib, toCentimes } from './rules';

describe('back-office rules (mirrors of the API checks)', () => {
  it('accepts ISO dates and refuses other shapes and impossible days', () => {
    expect(isoDate('2019-03-08')).toBeNull();
    expect(isoDate('')).toBeNull();
    expect(isoDate('08/03/2019')).toEqual({ key: 'form.date' });
    expect(isoDate('2019-3-8')).toEqual({ key: 'form.date' });
    expect(isoDate('2019-13-45')).toEqual({ key: 'form.date' });
  });

  it('refuses a foundation date after today', () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(notInFuture(tomorrow)).toEqual({ key: 'form.future' });
    expect(notInFuture('2001-01-01')).toBeNull();
  });

  it('checks SKUs as the API does: a letter or digit first, then letters, digits, . - _ (64 at most)', () => {
    const sku = code('._-', 64);
    expect(sku('MIEL-THYM_500.g')).toBeNull();
    expect(sku('-MIEL')).toEqual({ key: 'form.code' });
    expect(sku('MIEL THYM')).toEqual({ key: 'form.code' });
    expect(sku('A'.repeat(65))).toEqual({ key: 'form.code' });
    expect(sku('عسل')).toEqual({ key: 'form.code' });
  });

  it('accepts #RRGGBB colours only', () => {
    expect(hexColor('#8a3B12')).toBeNull();
    expect(hexColor('8A3B12')).toEqual({ key: 'form.color' });
    expect(hexColor('#8A3B1')).toEqual({ key: 'form.color' });
    expect(hexColor('#GGGGGG')).toEqual({ key: 'form.color' });
  });

  it('reads prices in dirhams with a comma or a dot into centimes, 0.01 to 100 000 MAD', () => {
    expect(toCentimes('120,50')).toBe(12050);
    expect(toCentimes('120.5')).toBe(12050);
    expect(toCentimes('7')).toBe(700);
    expect(toCentimes('1,234')).toBeNull();
    expect(toCentimes('1e3')).toBeNull();
    expect(toCentimes('-5')).toBeNull();
    expect(priceMad('100000')).toBeNull();
    expect(priceMad('100000,01')).toEqual({ key: 'form.price' });
    expect(priceMad('0')).toEqual({ key: 'form.price' });
    expect(priceMad('0,01')).toBeNull();
  });

  it('checks a RIB’s shape (24 letters or digits, spaces and dashes ignored); the key is the API’s', () => {
    expect(rib('011 780 0000001234567890 12')).toBeNull();
    expect(rib('011-780-00000012345678AB-12')).toBeNull();
    expect(rib('0117800000001234567890')).toEqual({ key: 'form.rib' });
    expect(rib('011780000000123456789!12')).toEqual({ key: 'form.rib' });
    expect(compactRib(' 011 780-12 ')).toBe('01178012');
  });
});
