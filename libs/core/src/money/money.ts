/**
 * Money as integer minor units (centimes) and an ISO 4217 currency code. Never a float.
 * All helpers refuse non-integer or unsafe amounts instead of rounding them silently.
 */
export interface MoneyValue {
  readonly amount: number;
  readonly currency: string;
}

export const DEFAULT_CURRENCY = 'MAD';

export function money(amount: number, currency: string = DEFAULT_CURRENCY): MoneyValue {
  assertCentimes(amount);
  return { amount, currency };
}

export function assertCentimes(amount: number, label = 'amount'): void {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`${label} must be a safe integer of centimes, got ${amount}`);
}

function sameCurrency(a: MoneyValue, b: MoneyValue): void {
  if (a.currency !== b.currency) throw new RangeError(`Cannot combine ${a.currency} with ${b.currency}`);
}

export function addMoney(a: MoneyValue, b: MoneyValue): MoneyValue {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function sumMoney(values: readonly MoneyValue[], currency: string = DEFAULT_CURRENCY): MoneyValue {
  return values.reduce((total, v) => addMoney(total, v), money(0, currency));
}

export function multiplyMoney(a: MoneyValue, quantity: number): MoneyValue {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`quantity must be an integer, got ${quantity}`);
  return money(a.amount * quantity, a.currency);
}

/**
 * The share of `amount` given in basis points (500 = 5%), rounded half away from zero,
 * computed in BigInt so large amounts never lose precision.
 */
export function basisPointsOf(amount: number, bps: number): number {
  assertCentimes(amount);
  if (!Number.isSafeInteger(bps) || bps < 0)
    throw new RangeError(`bps must be a non-negative integer, got ${bps}`);
  const product = BigInt(amount) * BigInt(bps);
  const sign = product < 0n ? -1n : 1n;
  const abs = product * sign;
  const rounded = (abs + 5000n) / 10000n;
  return Number(rounded * sign);
}

/**
 * Splits `total` centimes in proportion to `weights` without losing or creating a centime:
 * the parts always add up to `total` exactly (largest-remainder method; ties go to the
 * earlier weight). Weights are non-negative integers, at least one of them positive.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertCentimes(total, 'total');
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0)
      throw new RangeError(`weights must be non-negative integers, got ${w}`);
  }
  const weightSum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (weightSum === 0n) throw new RangeError('allocate needs a positive weight');
  const sign = total < 0 ? -1n : 1n;
  const absTotal = BigInt(total) * sign;
  const parts = weights.map((w) => (absTotal * BigInt(w)) / weightSum);
  const remainders = weights.map((w, index) => ({ index, rest: (absTotal * BigInt(w)) % weightSum }));
  let left = absTotal - parts.reduce((s, p) => s + p, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index] += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p * sign));
}
