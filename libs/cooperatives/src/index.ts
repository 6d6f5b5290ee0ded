export * from './cooperatives.module.js';
export * from './cooperatives/cooperative-status.js';
export * from './cooperatives/sector.js';
export * from './cooperatives/cooperative.entity.js';
export * from './cooperatives/cooperative.model.js';
export * from './cooperatives/cooperative.service.js';
export {
  CooperativeRepository,
  type BulkCooperativeRow,
  type CooperativeRow,
  type SalesTermsRow,
} from './cooperatives/cooperative.repository.js';
export { cooperativeVisibility, type CooperativeVisibility } from './cooperatives/cooperative-visibility.js';
export * from './audit/audit-log.entity.js';
export * from './audit/audit-log.service.js';
export * from './documents/cooperative-document.entity.js';
export * from './invitations/invitation.entity.js';
export * from './invitations/invitation.model.js';
export * from './memberships/membership.entity.js';
export * from './memberships/membership.model.js';
export { MembershipRepository, type MembershipRow } from './memberships/membership.repository.js';
export * from './profile-changes/profile-change.entity.js';
export * from './regions/province.entity.js';
export * from './regions/region.entity.js';
export * from './regions/region.model.js';
export * from './regions/region.service.js';
export { RegionRepository } from './regions/region.repository.js';
export * from './review/review-note.entity.js';
export * from './review/cooperative-transitions.js';
export { CooperativeReviewService } from './review/cooperative-review.service.js';
export * from './statistics/casablanca-settat.generator.js';
export * from './sql/cooperatives-status-transition.sql.js';
import { AuditLogEntity } from './audit/audit-log.entity.js';
import { CooperativeEntity } from './cooperatives/cooperative.entity.js';
import { CooperativeDocumentEntity } from './documents/cooperative-document.entity.js';
import { InvitationEntity } from './invitations/invitation.entity.js';
import { MembershipEntity } from './memberships/membership.entity.js';
import { ProfileChangeEntity } from './profile-changes/profile-change.entity.js';
import { ProvinceEntity } from './regions/province.entity.js';
import { RegionEntity } from './regions/region.entity.js';
import { ReviewNoteEntity } from './review/review-note.entity.js';

/** The TypeORM entities of this lib, for the data source. */
export const COOPERATIVES_ENTITIES = [
  RegionEntity,
  ProvinceEntity,
  CooperativeEntity,
  MembershipEntity,
  ReviewNoteEntity,
  AuditLogEntity,
  CooperativeDocumentEntity,
  ProfileChangeEntity,
  InvitationEntity,
];
