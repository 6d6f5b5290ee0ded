export * from './branding.module.js';
export * from './brand-identity.js';
export * from './brand-kits/brand-kit.entity.js';
export * from './brand-kits/brand-kit.model.js';
export { BrandKitService } from './brand-kits/brand-kit.service.js';
export * from './partners/partner-member.entity.js';
export * from './partners/partner-organization.entity.js';
export * from './partners/partner.model.js';
export * from './requests/identity-proposal.entity.js';
export * from './requests/identity-request.entity.js';
export * from './requests/identity-request.model.js';
import { BrandKitEntity } from './brand-kits/brand-kit.entity.js';
import { PartnerMemberEntity } from './partners/partner-member.entity.js';
import { PartnerOrganizationEntity } from './partners/partner-organization.entity.js';
import { IdentityProposalEntity } from './requests/identity-proposal.entity.js';
import { IdentityRequestEntity } from './requests/identity-request.entity.js';

/** The TypeORM entities of this lib, for the data source. */
export const BRANDING_ENTITIES = [
  PartnerOrganizationEntity,
  PartnerMemberEntity,
  IdentityRequestEntity,
  IdentityProposalEntity,
  BrandKitEntity,
];
