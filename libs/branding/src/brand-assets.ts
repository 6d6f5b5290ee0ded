import { Injectable } from '@nestjs/common';
import { AssetKind, type AssetModel, AssetService } from '@taawoun/assets';
import type { Actor } from '@taawoun/core';
import type { BrandIdentity } from './brand-identity.js';

/**
 * Branding's use of the assets lib, in one place: the caller may use the images it names (its
 * own uploads, its cooperative's, any for admins; images only), and they are attached to the
 * cooperative in the transaction that refers to them, so the daily clean-up never takes them.
 */
@Injectable()
export class BrandAssets {
  constructor(private readonly assets: AssetService) {}

  /** BAD_USER_INPUT on `logoAssetId` / `bannerAssetId` unless the actor may use them for this cooperative. */
  async assertUsable(actor: Actor, identity: BrandIdentity, cooperativeId: string): Promise<void> {
    await this.assets.assertUsable(actor, [identity.logoAssetId], {
      field: 'logoAssetId',
      kind: AssetKind.BRAND_LOGO,
      cooperativeId,
    });
    if (identity.bannerAssetId)
      await this.assets.assertUsable(actor, [identity.bannerAssetId], {
        field: 'bannerAssetId',
        kind: AssetKind.BRAND_BANNER,
        cooperativeId,
      });
  }

  /**
   * Attaches the images to the cooperative as its logo and banner. The assets lib makes these
   * kinds public: a proposal's images are attached when it is submitted, so the cooperative's
   * members can look at them before choosing (see notes/h-br.md on a private kind for proposals).
   */
  async attach(identity: BrandIdentity, cooperativeId: string): Promise<void> {
    await this.assets.attach(
      identity.logoAssetId,
      { cooperativeId, kind: AssetKind.BRAND_LOGO },
      'logoAssetId',
    );
    if (identity.bannerAssetId)
      await this.assets.attach(
        identity.bannerAssetId,
        { cooperativeId, kind: AssetKind.BRAND_BANNER },
        'bannerAssetId',
      );
  }

  /** An image the caller reached through a proposal or brand kit, batched per request (null when not visible). */
  load(assetId: string | null): Promise<AssetModel | null> {
    return assetId ? this.assets.load(assetId) : Promise.resolve(null);
  }
}
