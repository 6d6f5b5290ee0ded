import { Module, type OnModuleInit } from '@nestjs/common';
import { AssetsModule } from '@taawoun/assets';
import { CooperativesModule } from '@taawoun/cooperatives';
import { CooperativeScopeRegistry } from '@taawoun/identity';
import { BrandAssets } from './brand-assets.js';
import { BrandKitAssetsResolver, IdentityProposalAssetsResolver } from './brand-assets.resolver.js';
import { BrandKitRepository } from './brand-kits/brand-kit.repository.js';
import { BrandKitResolver } from './brand-kits/brand-kit.resolver.js';
import { BrandKitService } from './brand-kits/brand-kit.service.js';
import { PartnerRepository } from './partners/partner.repository.js';
import { PartnerResolver } from './partners/partner.resolver.js';
import { PartnerService } from './partners/partner.service.js';
import { IdentityRequestRepository } from './requests/identity-request.repository.js';
import { IdentityRequestResolver } from './requests/identity-request.resolver.js';
import { IdentityRequestService } from './requests/identity-request.service.js';

/** Partner organisations, identity requests and proposals, cooperatives' brand kits. */
@Module({
  imports: [CooperativesModule, AssetsModule],
  providers: [
    BrandAssets,
    IdentityProposalAssetsResolver,
    BrandKitAssetsResolver,
    PartnerRepository,
    PartnerService,
    PartnerResolver,
    IdentityRequestRepository,
    IdentityRequestService,
    IdentityRequestResolver,
    BrandKitRepository,
    BrandKitService,
    BrandKitResolver,
  ],
  exports: [BrandKitService],
})
export class BrandingModule implements OnModuleInit {
  constructor(
    private readonly scopes: CooperativeScopeRegistry,
    private readonly requests: IdentityRequestService,
  ) {}

  onModuleInit(): void {
    this.scopes.register('identityProposal', (id) => this.requests.cooperativeOfProposal(id));
  }
}
