import { isAdmin, memberCooperativeIds, type Actor } from '@taawoun/core';
import { CooperativeStatus } from './cooperative-status.js';

/**
 * Who may see a cooperative, written once: everyone sees APPROVED ones, members their own in
 * any state, admins every one. An invitation also discloses its cooperative to whoever may read
 * the invitation (the OWNER disclosed it by inviting).
 *
 * `predicate` is the SQL form for the reads that filter in the database (the rule's two
 * parameters are {@link CooperativeVisibility.params}); `allows` is the same rule for a
 * cooperative already loaded (a membership's or an invitation's).
 */
export interface CooperativeVisibility {
  /** `[is admin, ids of the caller's cooperatives]`, bound to `$n` and `$n+1` of {@link visibleCooperativeSql}. */
  readonly params: readonly [boolean, string[]];
  allows(cooperative: { id: string; status: CooperativeStatus }, disclosedByInvitation?: boolean): boolean;
}

/** The visibility rule applied to one caller. */
export function cooperativeVisibility(actor: Actor | null | undefined): CooperativeVisibility {
  const all = isAdmin(actor);
  const memberOf = memberCooperativeIds(actor);
  return {
    params: [all, memberOf],
    allows: (cooperative, disclosedByInvitation = false) =>
      all ||
      disclosedByInvitation ||
      cooperative.status === CooperativeStatus.APPROVED ||
      memberOf.includes(cooperative.id),
  };
}

/**
 * The SQL predicate of the rule over the `cooperatives` row aliased `alias`, its parameters at
 * `$n` (admin flag) and `$n+1` (member cooperative ids): pass {@link CooperativeVisibility.params}.
 */
export function visibleCooperativeSql(alias: string, n: number): string {
  return `($${n}::boolean OR ${alias}.status = '${CooperativeStatus.APPROVED}' OR ${alias}.id = ANY($${n + 1}::uuid[]))`;
}
