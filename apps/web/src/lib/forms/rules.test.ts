import { describe, expect, it } from 'vitest';
import {
  check,
  countryCode,
  email,
  integer,
  maxLength,
  minLength,
  phone,
  postalCode,
  required,
} from './rules';

describe('client rules mirroring the API', () => {
  it('required ignores surrounding spaces', () => {
    expect(required('  ')).toEqual({ key: 'form.required' });
    expect(required(' a ')).toBeNull();
  });

  it('lengths count characters as the API does (an emoji or an Arabic letter is one)', () => {
    expect(maxLength(3)('🍯🍯🍯')).toBeNull();
    expect(maxLength(3)('عسلل')).toEqual({ key: 'form.tooLong', params: { max: 3 } });
    expect(minLength(10)('short')).toEqual({ key: 'form.tooShort', params: { min: 10 } });
    expect(minLength(10)('')).toBeNull(); // empty is `required`'s business
  });

  it('email: one @, a dotted domain, no spaces', () => {
    for (const ok of ['salma@example.ma', 'a.b+c@coop.example.co.ma']) expect(email(ok)).toBeNull();
    for (const bad of ['salma', 'salma@', '@example.ma', 'a@b', 'a@@b.ma', 'a b@c.ma', 'a@b.ma.'])
      expect(email(bad)).toEqual({ key: 'form.email' });
    expect(email(`${'a'.repeat(250)}@b.ma`)).toEqual({ key: 'form.email' });
  });

  it('phone: the checkout address rule (+, a digit, then 7 to 22 digits and separators)', () => {
    for (const ok of ['+212 6 12 34 56 78', '06 12 34 56 78', '0612345678', '+33 (0)1 23 45 67 89'])
      expect(phone(ok)).toBeNull();
    for (const bad of ['12ab', '0612', '+ 212612345678', '06-12-34-56-78-90-12-34-56-78', '٠٦١٢٣٤٥٦٧٨'])
      expect(phone(bad)).toEqual({ key: 'form.phone' });
  });

  it('country and postal codes', () => {
    expect(countryCode('MA')).toBeNull();
    expect(countryCode('ma')).toBeNull();
    expect(countryCode('MAR')).toEqual({ key: 'form.countryCode' });
    expect(countryCode('M1')).toEqual({ key: 'form.countryCode' });
    expect(postalCode('20250')).toBeNull();
    expect(postalCode('SW1A 1AA')).toBeNull();
    expect(postalCode('2')).toEqual({ key: 'form.postalCode' });
    expect(postalCode('20250!')).toEqual({ key: 'form.postalCode' });
  });

  it('integer with bounds', () => {
    expect(integer(1, 99)('12')).toBeNull();
    expect(integer(1, 99)('0')).toEqual({ key: 'form.min', params: { min: 1 } });
    expect(integer(1, 99)('100')).toEqual({ key: 'form.max', params: { max: 99 } });
    expect(integer(1, 99)('1.5')).toEqual({ key: 'form.integer' });
  });

  it('check answers the first failing rule in order', () => {
    expect(check('', [required, email])).toEqual({ key: 'form.required' });
    expect(check('x', [required, email])).toEqual({ key: 'form.email' });
  });
});
