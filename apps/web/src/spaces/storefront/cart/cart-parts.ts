import type { Money } from '../../../lib/i18n/format';

export interface PartCooperative {
  id: string;
  slug: string;
  name: string;
  minimumOrderAmount?: Money | null;
  freeShippingThreshold?: Money | null;
}

export interface PartLine {
  id: string;
  lineTotal: Money;
  variant: { product: { cooperative: PartCooperative } };
}

/** One cooperative's share of a cart: it becomes one sub-order at checkout. */
export interface CartPart<Line extends PartLine> {
  cooperative: PartCooperative;
  lines: Line[];
  subtotal: Money;
  shipping: Money;
  total: Money;
  /** What is missing to reach the cooperative's minimum order; null when reached or none. */
  missingForMinimum: Money | null;
}

/**
 * The cart split per cooperative, with the API's shipping rule (checkout.service): each sub-order
 * pays the flat fee unless its subtotal reaches the cooperative's free-shipping threshold; checkout
 * refuses a sub-order below the cooperative's minimum. Order of first appearance is kept.
 */
export function cartParts<Line extends PartLine>(lines: readonly Line[], flatFee: Money): CartPart<Line>[] {
  const byCooperative = new Map<string, { cooperative: PartCooperative; lines: Line[] }>();
  for (const line of lines) {
    const cooperative = line.variant.product.cooperative;
    let part = byCooperative.get(cooperative.id);
    if (!part) {
      part = { cooperative, lines: [] };
      byCooperative.set(cooperative.id, part);
    }
    part.lines.push(line);
  }
  return [...byCooperative.values()].map(({ cooperative, lines }) => {
    const currency = lines[0].lineTotal.currency;
    const subtotal = lines.reduce((sum, l) => sum + l.lineTotal.amount, 0);
    const threshold = cooperative.freeShippingThreshold?.amount;
    const shipping = threshold !== undefined && subtotal >= threshold ? 0 : flatFee.amount;
    const minimum = cooperative.minimumOrderAmount?.amount ?? 0;
    return {
      cooperative,
      lines,
      subtotal: { amount: subtotal, currency },
      shipping: { amount: shipping, currency },
      total: { amount: subtotal + shipping, currency },
      missingForMinimum: subtotal < minimum ? { amount: minimum - subtotal, currency } : null,
    };
  });
}
