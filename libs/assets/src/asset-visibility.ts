import { type Actor, isAdmin, memberCooperativeIds } from '@taawoun/core';

/**
 * Who may fetch an asset, written once: everyone the public ones, admins every one, the uploader
 * its own, members the assets attached to their cooperative.
 *
 * `params` bind the SQL form ({@link visibleAssetSql}) at `$n`..`$n+2`; `allows` is the same rule
 * for a row already loaded.
 */
export interface AssetVisibility {
  /** `[is admin, the caller's user id (or null), ids of the caller's cooperatives]`. */
  readonly params: readonly [boolean, string | null, string[]];
  allows(asset: { public: boolean; ownerId: string | null; cooperativeId: string | null }): boolean;
}

export function assetVisibility(actor: Actor | null | undefined): AssetVisibility {
  const all = isAdmin(actor);
  const userId = actor?.userId ?? null;
  const memberOf = memberCooperativeIds(actor);
  return {
    params: [all, userId, memberOf],
    allows: (asset) =>
      asset.public ||
      all ||
      (userId !== null && asset.ownerId === userId) ||
      (asset.cooperativeId !== null && memberOf.includes(asset.cooperativeId)),
  };
}

/** The rule as an SQL predicate over the `assets` row aliased `alias`, parameters at `$n`..`$n+2`. */
export function visibleAssetSql(alias: string, n: number): string {
  return `(${alias}.public OR $${n}::boolean OR ${alias}.owner_id = $${n + 1}::uuid OR ${alias}.cooperative_id = ANY($${n + 2}::uuid[]))`;
}
