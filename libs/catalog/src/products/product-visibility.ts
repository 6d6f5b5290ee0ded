import { isAdmin, memberCooperativeIds, type Actor } from '@taawoun/core';

/** Adds a statement parameter and answers its placeholder (`$n`). */
export type Bind = (value: unknown) => string;

/** A {@link Bind} appending to `params`. */
export function binder(params: unknown[]): Bind {
  return (value) => {
    params.push(value);
    return `$${params.length}`;
  };
}

/**
 * Who may see a product, the one place this rule is written: anyone a PUBLISHED product of an
 * APPROVED cooperative (the cooperative's status read live, so suspending one hides its
 * products at once), a cooperative's members every product of theirs, admins every product.
 *
 * Answers an SQL predicate over the product row `p` and its cooperative row `c` (aliases
 * changeable), binding what it needs through `bind`. `actor` null is the public view: the
 * catalogue lists what everyone may see, whoever asks.
 */
export function productVisibility(
  actor: Actor | null | undefined,
  bind: Bind,
  alias: { product: string; cooperative: string } = { product: 'p', cooperative: 'c' },
): string {
  if (isAdmin(actor)) return 'TRUE';
  const visibleToAll = `(${alias.product}.status = 'PUBLISHED' AND ${alias.cooperative}.status = 'APPROVED')`;
  const own = memberCooperativeIds(actor);
  if (own.length === 0) return visibleToAll;
  return `(${visibleToAll} OR ${alias.product}.cooperative_id = ANY(${bind(own)}::uuid[]))`;
}
