import { timingSafeEqual } from 'node:crypto';
import { isAdmin, type Actor } from '@taawoun/core';

/** Adds a statement parameter and answers its placeholder (`$n`). */
export type Bind = (value: unknown) => string;

/**
 * Who may see an order, the one place this rule is written: its buyer, admins (this SQL
 * predicate over the order row, alias `o` by default), and a guest holding the order's access
 * token ({@link guestTokenMatches}, compared in constant time on the stored hash, never in SQL).
 * Sub-orders are also seen by their cooperative's members (fulfilment's `cooperativeOrders`).
 */
export function orderVisibility(actor: Actor | null | undefined, bind: Bind, alias = 'o'): string {
  if (isAdmin(actor)) return 'TRUE';
  if (!actor) return 'FALSE';
  return `${alias}.user_id = ${bind(actor.userId)}::uuid`;
}

/** Whether `tokenHash` (SHA-256 of the token a caller gave) is the order's stored guest token hash. */
export function guestTokenMatches(stored: Buffer | null, tokenHash: Buffer | null): boolean {
  if (!stored || !tokenHash || stored.length !== tokenHash.length) return false;
  return timingSafeEqual(stored, tokenHash);
}
