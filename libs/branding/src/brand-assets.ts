import { Injectable } from '@nestjs/common';
import { AssetKind, type AssetModel, AssetService } from '@taawoun/assets';
import type { Actor, RequestContext } from '@taawoun/core';
import type { BrandIdentity } from './brand-identity.js';

/**
 * What the images are for: a partner's proposal stays private (the cooperative's members, the
 * partner who uploaded it, admins) until accepted; a brand kit's logo and banner are public.
 */
export type BrandImagesUse = 'proposal' | 'kit';

const KINDS: Record<BrandImagesUse, { logo: AssetKind; banner: AssetKind }> = {
  proposal: { logo: AssetKind.BRAND_PROPOSAL, banner: AssetKind.BRAND_PROPOSAL },
  kit: { logo: AssetKind.BRAND_LOGO, banner: AssetKind.BRAND_BANNER },
};

/**
 * Branding's use of the assets lib, in one place: the caller may use the images it names (its
 * own uploads, its cooperative's, any for admins; images only), and they are attached to the
 * cooperative in the transaction that refers to them, so the daily clean-up never takes them.
 */
@Injectable()
export class BrandAssets {
  constructor(private readonly assets: AssetService) {}

  /** BAD_USER_INPUT on `logoAssetId` / `bannerAssetId` unless the actor may use them for this cooperative. */
  async assertUsable(
    actor: Actor,
    identity: BrandIdentity,
    cooperativeId: string,
    use: BrandImagesUse,
  ): Promise<void> {
    await this.assets.assertUsable(actor, [identity.logoAssetId], {
      field: 'logoAssetId',
      kind: KINDS[use].logo,
      cooperativeId,
    });
    if (identity.bannerAssetId)
      await this.assets.assertUsable(actor, [identity.bannerAssetId], {
        field: 'bannerAssetId',
        kind: KINDS[use].banner,
        cooperativeId,
      });
  }

  /**
   * Attaches the images to the cooperative: a proposal's privately (its members can look at them
   * before choosing), a brand kit's publicly (accepting a proposal attaches its images again as
   * the kit's, which makes them public).
   */
  async attach(identity: BrandIdentity, cooperativeId: string, use: BrandImagesUse): Promise<void> {
    await this.assets.attach(identity.logoAssetId, { cooperativeId, kind: KINDS[use].logo }, 'logoAssetId');
    if (identity.bannerAssetId)
      await this.assets.attach(
        identity.bannerAssetId,
        { cooperativeId, kind: KINDS[use].banner },
        'bannerAssetId',
      );
  }

  /** An image the caller reached through a proposal or brand kit, batched per request (null when not visible). */
  load(rc: RequestContext, assetId: string | null): Promise<AssetModel | null> {
    return assetId ? this.assets.load(rc, assetId) : Promise.resolve(null);
  }
}
