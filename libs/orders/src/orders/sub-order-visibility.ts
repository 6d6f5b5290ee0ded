import { isAdmin, type Actor } from '@taawoun/core';

/**
 * Who may see a sub-order, the one place this rule is written: admins, the order's viewers (its
 * buyer; a guest holding the order's token) and the members of the sub-order's cooperative. So a
 * cooperative member who reaches an order through its own sub-order (cooperativeOrders → order)
 * sees the order's other cooperatives' sub-orders, lines and amounts nowhere.
 *
 * An anonymous caller only ever holds an order through its guest token (order(number,
 * guestAccessToken)); a signed-in caller holding the token is marked by `viaGuestToken`.
 */
export function subOrderVisibleTo(
  actor: Actor | null | undefined,
  order: { userId: string | null; viaGuestToken?: boolean },
  subOrder: { cooperativeId: string },
): boolean {
  if (!actor || isAdmin(actor) || order.viaGuestToken) return true;
  if (order.userId !== null && order.userId === actor.userId) return true;
  return actor.memberships.has(subOrder.cooperativeId);
}

/**
 * The same rule as an SQL predicate over `sub_orders` aliased `alias`, with its three parameters
 * from `$first` on ({@link subOrderVisibilityParams}): a fixed text, so statements using it stay
 * static (and are prepared by the statement test).
 */
export function subOrderVisibleSql(first: number, alias = 's'): string {
  return `($${first}::boolean OR ${alias}.cooperative_id = ANY($${first + 1}::uuid[])
    OR EXISTS (SELECT 1 FROM orders vo WHERE vo.id = ${alias}.order_id AND vo.user_id = $${first + 2}::uuid))`;
}

/** The parameters of {@link subOrderVisibleSql} for a caller: admin?, member cooperatives, user id. */
export function subOrderVisibilityParams(
  actor: Actor | null | undefined,
): [boolean, string[], string | null] {
  return [isAdmin(actor), [...(actor?.memberships.keys() ?? [])], actor?.userId ?? null];
}
