import type { SubOrderRow } from '@taawoun/orders';
import type { NewLedgerEntry } from './ledger.repository.js';

/**
 * The ledger entries of each money effect, as pure integer arithmetic on centimes (never a
 * float). Amounts are signed from the cooperative's point of view (what the platform owes it).
 */

/** A paid sub-order: SALE +subtotal, SHIPPING +fee, COMMISSION -commission (zero amounts are left out). */
export function saleEntries(sub: SubOrderRow): NewLedgerEntry[] {
  const base = { cooperativeId: sub.cooperativeId, subOrderId: sub.id };
  const entries: NewLedgerEntry[] = [{ ...base, type: 'SALE', amount: sub.subtotalAmount }];
  if (sub.shippingFeeAmount > 0) entries.push({ ...base, type: 'SHIPPING', amount: sub.shippingFeeAmount });
  if (sub.commissionAmount > 0) entries.push({ ...base, type: 'COMMISSION', amount: -sub.commissionAmount });
  return entries;
}

/** Cash on delivery: the cooperative took the sub-order's total from the buyer. */
export function cashCollectedEntry(sub: SubOrderRow): NewLedgerEntry {
  return {
    cooperativeId: sub.cooperativeId,
    subOrderId: sub.id,
    type: 'CASH_COLLECTED',
    amount: -sub.totalAmount,
  };
}

/**
 * The commission returned with a refund of `amount` out of the sub-order's total: the same
 * proportion of its commission, rounded down (BigInt: the product can pass 2^53).
 */
export function commissionShare(sub: SubOrderRow, amount: number): number {
  if (sub.totalAmount <= 0) return 0;
  return Number((BigInt(sub.commissionAmount) * BigInt(amount)) / BigInt(sub.totalAmount));
}

/** A refund of a sold sub-order: the cooperative gives back the refunded amount less its commission share. */
export function refundEntry(sub: SubOrderRow, refundId: string, amount: number): NewLedgerEntry {
  return {
    cooperativeId: sub.cooperativeId,
    subOrderId: sub.id,
    refundId,
    type: 'REFUND',
    amount: -(amount - commissionShare(sub, amount)),
  };
}
