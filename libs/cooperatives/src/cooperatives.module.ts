import { Module, type OnModuleInit } from '@nestjs/common';
import { CooperativeScopeRegistry } from '@taawoun/identity';
import { AuditLogRepository } from './audit/audit-log.repository.js';
import { AuditLogService } from './audit/audit-log.service.js';
import { CooperativeGeoLoader } from './cooperatives/cooperative-geo.loader.js';
import { CooperativeLoader } from './cooperatives/cooperative.loader.js';
import { CooperativeRepository } from './cooperatives/cooperative.repository.js';
import { CooperativeResolver } from './cooperatives/cooperative.resolver.js';
import { CooperativeService } from './cooperatives/cooperative.service.js';
import { CooperativeDirectoryRepository } from './directory/cooperative-directory.repository.js';
import { CooperativeDirectoryService } from './directory/cooperative-directory.service.js';
import { InvitationRepository } from './invitations/invitation.repository.js';
import { InvitationResolver } from './invitations/invitation.resolver.js';
import { InvitationService } from './invitations/invitation.service.js';
import { MembershipRepository } from './memberships/membership.repository.js';
import { MembershipResolver } from './memberships/membership.resolver.js';
import { MembershipService } from './memberships/membership.service.js';
import { UserMembershipsResolver } from './memberships/user-memberships.resolver.js';
import { ProfileChangeRepository } from './profile-changes/profile-change.repository.js';
import { ProfileChangeResolver } from './profile-changes/profile-change.resolver.js';
import { ProfileChangeService } from './profile-changes/profile-change.service.js';
import { RegionsModule } from './regions/regions.module.js';
import { CooperativeReviewResolver } from './review/cooperative-review.resolver.js';
import { CooperativeReviewService } from './review/cooperative-review.service.js';
import { ReviewRepository } from './review/review.repository.js';
import { CooperativeStatisticsResolver } from './statistics/cooperative-statistics.resolver.js';
import { CooperativeStatisticsService } from './statistics/cooperative-statistics.service.js';
import { StatisticsRepository } from './statistics/statistics.repository.js';

/** Cooperatives, their regions and provinces, memberships, onboarding review and statistics. */
@Module({
  imports: [RegionsModule],
  providers: [
    AuditLogRepository,
    CooperativeRepository,
    CooperativeDirectoryRepository,
    MembershipRepository,
    ReviewRepository,
    StatisticsRepository,
    AuditLogService,
    CooperativeLoader,
    CooperativeGeoLoader,
    ProfileChangeRepository,
    ProfileChangeService,
    CooperativeService,
    CooperativeDirectoryService,
    CooperativeReviewService,
    MembershipService,
    InvitationRepository,
    InvitationService,
    CooperativeStatisticsService,
    CooperativeResolver,
    CooperativeReviewResolver,
    MembershipResolver,
    InvitationResolver,
    UserMembershipsResolver,
    ProfileChangeResolver,
    CooperativeStatisticsResolver,
  ],
  exports: [
    RegionsModule,
    CooperativeService,
    CooperativeReviewService,
    CooperativeRepository,
    MembershipRepository,
    AuditLogService,
  ],
})
export class CooperativesModule implements OnModuleInit {
  constructor(
    private readonly scopes: CooperativeScopeRegistry,
    private readonly invitations: InvitationService,
  ) {}

  onModuleInit(): void {
    this.scopes.register('invitation', (id) => this.invitations.cooperativeOf(id));
  }
}
