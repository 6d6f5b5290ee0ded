import { isAdmin, memberCooperativeIds, type Actor } from '@taawoun/core';

/**
 * Who may see an identity request, written once: admins every one, a cooperative's members
 * their cooperative's, a partner organisation's members those assigned to it. Anonymous
 * callers none. Every read of requests (the list, a single request, its proposals) goes through it.
 */
export interface IdentityRequestVisibility {
  /** The SQL predicate over the `identity_requests` row aliased `alias`, parameters from `$n`. */
  sql(alias: string, n: number): string;
  /** Its parameters, bound from `$n` in order. */
  readonly params: readonly unknown[];
}

export function identityRequestVisibility(actor: Actor | null | undefined): IdentityRequestVisibility {
  return {
    params: [isAdmin(actor), memberCooperativeIds(actor), actor?.userId ?? null],
    sql: (alias, n) =>
      `($${n}::boolean OR ${alias}.cooperative_id = ANY($${n + 1}::uuid[])
        OR ${alias}.partner_id IN (SELECT pm.partner_id FROM partner_members pm WHERE pm.user_id = $${n + 2}::uuid))`,
  };
}
