import { Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  ConflictError,
  Db,
  ForbiddenError,
  InvalidStateTransitionError,
  LanguageCode,
  NotFoundError,
  manyByKey,
  requireUuid,
  uniqueViolation,
  type RequestContext,
} from '@taawoun/core';
import { CooperativeRepository, MembershipRepository } from '@taawoun/cooperatives';
import { UserRepository } from '@taawoun/identity';
import { Outbox, type EmailRequest } from '@taawoun/notifications';
import { BrandAssets } from '../brand-assets.js';
import { checkBrandIdentity } from '../brand-identity.js';
import { BrandKitService } from '../brand-kits/brand-kit.service.js';
import { PartnerService } from '../partners/partner.service.js';
import { identityRequestVisibility } from './identity-request-visibility.js';
import {
  IdentityRequestStatus,
  ProposalStatus,
  type IdentityProposalInput,
  type IdentityProposalModel,
  type IdentityRequestModel,
} from './identity-request.model.js';
import { IdentityRequestRepository } from './identity-request.repository.js';

export const NEEDS_MAX_LENGTH = 2000;
export const FEEDBACK_MAX_LENGTH = 2000;
/** Proposals one request may receive (each one e-mails the cooperative). */
export const MAX_PROPOSALS_PER_REQUEST = 20;
export const IDENTITY_REQUESTS_DEFAULT_FIRST = 50;
export const IDENTITY_REQUESTS_MAX_FIRST = 100;

/**
 * The brand-kit flow: a cooperative asks, an admin assigns a partner organisation, its members
 * propose, the cooperative's OWNER/MANAGER accepts one (setting its brand kit) or declines.
 * Every change locks the request row first and then moves states with conditional updates, so
 * of two concurrent answers one wins and the other gets a clear error, with nothing changed.
 */
@Injectable()
export class IdentityRequestService {
  constructor(
    private readonly db: Db,
    private readonly repo: IdentityRequestRepository,
    private readonly partners: PartnerService,
    private readonly brandKits: BrandKitService,
    private readonly assets: BrandAssets,
    private readonly cooperatives: CooperativeRepository,
    private readonly memberships: MembershipRepository,
    private readonly users: UserRepository,
    private readonly outbox: Outbox,
  ) {}

  /** OWNER/MANAGER (the policy): opens a request; a cooperative has at most one unfinished. */
  async request(rc: RequestContext, cooperativeId: string, rawNeeds: string): Promise<IdentityRequestModel> {
    const actor = rc.requireActor();
    requireUuid(cooperativeId, 'Cooperative');
    const needs = rawNeeds.trim();
    if (!needs) throw BadUserInputError.field('needs', 'say what the cooperative needs');
    if (needs.length > NEEDS_MAX_LENGTH)
      throw BadUserInputError.field('needs', `must be at most ${NEEDS_MAX_LENGTH} characters`);
    try {
      return await this.db.transaction(() => this.repo.insert(cooperativeId, needs, actor.userId));
    } catch (error) {
      if (uniqueViolation(error) === 'UQ_identity_requests_unfinished')
        throw new ConflictError(
          'The cooperative already has an unfinished identity request',
          'cooperativeId',
        );
      throw error;
    }
  }

  /** ADMIN (the policy): assigns a partner while no proposal exists, and e-mails its members. */
  async assign(rc: RequestContext, requestId: string, partnerId: string): Promise<IdentityRequestModel> {
    rc.requireActor();
    requireUuid(requestId, 'IdentityRequest');
    requireUuid(partnerId, 'PartnerOrganization');
    return this.db.transaction(async () => {
      const partner = await this.partners.load(rc, partnerId);
      if (!partner) throw new NotFoundError('PartnerOrganization', partnerId);
      const current = await this.repo.lock(requestId);
      if (!current) throw new NotFoundError('IdentityRequest', requestId);
      const assigned = await this.repo.assign(requestId, partnerId);
      if (!assigned)
        throw new InvalidStateTransitionError(
          'IdentityRequest',
          current.status,
          IdentityRequestStatus.ASSIGNED,
        );
      const cooperative = await this.cooperatives.byId(assigned.cooperativeId);
      await this.mail(await this.partners.members(partnerId), (language) => ({
        language,
        template: 'identity-partner-assigned',
        params: {
          partnerName: partner.name,
          cooperativeName: cooperative?.name ?? '',
          needs: assigned.needs,
        },
      }));
      return assigned;
    });
  }

  /**
   * PARTNER (the policy) who is a member of the organisation assigned to the request: adds a
   * PENDING proposal (the request becomes PROPOSED) and e-mails the cooperative's OWNER/MANAGERs.
   */
  async submit(
    rc: RequestContext,
    requestId: string,
    input: IdentityProposalInput,
  ): Promise<IdentityProposalModel> {
    const actor = rc.requireActor();
    requireUuid(requestId, 'IdentityRequest');
    const identity = checkBrandIdentity(input);
    return this.db.transaction(async () => {
      const request = await this.repo.lock(requestId);
      if (!request) throw new NotFoundError('IdentityRequest', requestId);
      if (!request.partnerId || !(await this.partners.isMember(request.partnerId, actor.userId)))
        throw new ForbiddenError('This identity request is not assigned to your partner organisation');
      if (
        request.status !== IdentityRequestStatus.ASSIGNED &&
        request.status !== IdentityRequestStatus.PROPOSED
      )
        throw new InvalidStateTransitionError(
          'IdentityRequest',
          request.status,
          IdentityRequestStatus.PROPOSED,
        );
      if ((await this.repo.countProposals(requestId)) >= MAX_PROPOSALS_PER_REQUEST)
        throw new ConflictError(
          `A request takes at most ${MAX_PROPOSALS_PER_REQUEST} proposals`,
          'requestId',
        );
      await this.assets.assertUsable(actor, identity, request.cooperativeId, 'proposal');
      const proposal = await this.repo.insertProposal(requestId, actor.userId, identity);
      await this.repo.transition(
        requestId,
        [IdentityRequestStatus.ASSIGNED, IdentityRequestStatus.PROPOSED],
        IdentityRequestStatus.PROPOSED,
      );
      // The cooperative's members must see the proposed images before choosing.
      await this.assets.attach(identity, request.cooperativeId, 'proposal');
      // One after the other: they share the transaction's connection.
      const cooperative = await this.cooperatives.byId(request.cooperativeId);
      const partner = await this.partners.load(rc, request.partnerId);
      const managers = await this.memberships.managersOf([request.cooperativeId]);
      await this.mail(
        managers.map((m) => m.userId),
        (language) => ({
          language,
          template: 'identity-proposal-received',
          params: { cooperativeName: cooperative?.name ?? '', partnerName: partner?.name ?? '' },
        }),
      );
      return proposal;
    });
  }

  /**
   * OWNER/MANAGER of the request's cooperative (the policy). Accepting: PENDING → ACCEPTED, the
   * request PROPOSED → COMPLETED, the other PENDING proposals DECLINED and the brand kit set, in one
   * transaction. Declining: PENDING → DECLINED; with no PENDING proposal left the request is
   * ASSIGNED again, so the partner can propose anew.
   */
  async respond(
    rc: RequestContext,
    proposalId: string,
    accept: boolean,
    rawFeedback: string | null | undefined,
  ): Promise<IdentityProposalModel> {
    const actor = rc.requireActor();
    requireUuid(proposalId, 'IdentityProposal');
    const feedback = rawFeedback?.trim() || null;
    if (feedback && feedback.length > FEEDBACK_MAX_LENGTH)
      throw BadUserInputError.field('feedback', `must be at most ${FEEDBACK_MAX_LENGTH} characters`);
    const to = accept ? ProposalStatus.ACCEPTED : ProposalStatus.DECLINED;
    return this.db.transaction(async () => {
      const found = await this.repo.proposalWithRequest(proposalId);
      if (!found) throw new NotFoundError('IdentityProposal', proposalId);
      const request = await this.repo.lock(found.requestId);
      if (!request) throw new NotFoundError('IdentityProposal', proposalId);
      const answered = await this.repo.respond(proposalId, to, feedback, actor.userId);
      if (!answered) {
        const now = await this.repo.proposalWithRequest(proposalId);
        throw new InvalidStateTransitionError('IdentityProposal', now?.status ?? found.status, to);
      }
      if (accept) {
        const completed = await this.repo.transition(
          request.id,
          [IdentityRequestStatus.PROPOSED],
          IdentityRequestStatus.COMPLETED,
        );
        if (!completed)
          throw new InvalidStateTransitionError(
            'IdentityRequest',
            request.status,
            IdentityRequestStatus.COMPLETED,
          );
        await this.repo.declineOthers(request.id, proposalId, actor.userId);
        await this.brandKits.set(request.cooperativeId, answered, proposalId);
      } else if ((await this.repo.countPending(request.id)) === 0) {
        await this.repo.transition(
          request.id,
          [IdentityRequestStatus.PROPOSED],
          IdentityRequestStatus.ASSIGNED,
        );
      }
      return answered;
    });
  }

  /** `identityRequests`: what the caller may see (identity-request-visibility.ts), newest first. */
  async list(
    rc: RequestContext,
    status: IdentityRequestStatus | null | undefined,
    first: number | null | undefined,
  ): Promise<IdentityRequestModel[]> {
    rc.requireActor();
    const limit = first ?? IDENTITY_REQUESTS_DEFAULT_FIRST;
    if (!Number.isInteger(limit) || limit < 1 || limit > IDENTITY_REQUESTS_MAX_FIRST)
      throw BadUserInputError.field('first', `must be between 1 and ${IDENTITY_REQUESTS_MAX_FIRST}`);
    return this.repo.visible(identityRequestVisibility(rc.actor), status ?? null, limit);
  }

  /** The proposals of a request the caller reached, oldest first, batched per request. */
  proposals(rc: RequestContext, requestId: string): Promise<IdentityProposalModel[]> {
    return rc.loaders
      .get<string, IdentityProposalModel[]>('branding.proposalsOfRequest', async (ids) =>
        manyByKey(ids, await this.repo.proposalsOf(ids), (p) => p.requestId),
      )
      .load(requestId);
  }

  /** For the policy of responding: the cooperative a proposal is for (null when there is none). */
  cooperativeOfProposal(proposalId: string): Promise<string | null> {
    return this.repo.cooperativeOfProposal(proposalId);
  }

  /** Queues one e-mail per user, in each one's language, in the current transaction. */
  private async mail(
    userIds: readonly string[],
    build: (language: LanguageCode) => Omit<EmailRequest, 'to'>,
  ): Promise<void> {
    for (const user of await this.users.findByIds([...new Set(userIds)])) {
      await this.outbox.enqueue({ to: user.email, ...build(user.preferredLanguage ?? LanguageCode.fr) });
    }
  }
}
