import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AssetModel } from '@taawoun/assets';
import { Ctx, NotFoundError, type RequestContext } from '@taawoun/core';
import { BrandAssets } from './brand-assets.js';
import { BrandKitModel } from './brand-kits/brand-kit.model.js';
import { IdentityProposalModel } from './requests/identity-request.model.js';

/** `IdentityProposal.logo/banner`, batched per request through the assets lib. */
@Resolver(() => IdentityProposalModel)
export class IdentityProposalAssetsResolver {
  constructor(private readonly assets: BrandAssets) {}

  @ResolveField(() => AssetModel)
  async logo(@Ctx() rc: RequestContext, @Parent() proposal: IdentityProposalModel): Promise<AssetModel> {
    const asset = await this.assets.load(rc, proposal.logoAssetId);
    if (!asset) throw new NotFoundError('Asset', proposal.logoAssetId);
    return asset;
  }

  @ResolveField(() => AssetModel, { nullable: true })
  banner(@Ctx() rc: RequestContext, @Parent() proposal: IdentityProposalModel): Promise<AssetModel | null> {
    return this.assets.load(rc, proposal.bannerAssetId);
  }
}

/** `BrandKit.logo/banner`: public images (attached as the cooperative's logo and banner). */
@Resolver(() => BrandKitModel)
export class BrandKitAssetsResolver {
  constructor(private readonly assets: BrandAssets) {}

  @ResolveField(() => AssetModel, { nullable: true })
  logo(@Ctx() rc: RequestContext, @Parent() kit: BrandKitModel): Promise<AssetModel | null> {
    return this.assets.load(rc, kit.logoAssetId);
  }

  @ResolveField(() => AssetModel, { nullable: true })
  banner(@Ctx() rc: RequestContext, @Parent() kit: BrandKitModel): Promise<AssetModel | null> {
    return this.assets.load(rc, kit.bannerAssetId);
  }
}
