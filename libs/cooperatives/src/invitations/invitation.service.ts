import { Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  ConflictError,
  CooperativeRole,
  Db,
  ForbiddenError,
  InvalidStateTransitionError,
  isAdmin,
  LanguageCode,
  NotFoundError,
  manyByKey,
  requireUuid,
  type RequestContext,
} from '@taawoun/core';
import { emailProblem, normaliseEmail, UserRepository } from '@taawoun/identity';
import { Outbox } from '@taawoun/notifications';
import { InvitationStatus, type CooperativeInvitationModel } from './invitation.model.js';
import { CooperativeRepository } from '../cooperatives/cooperative.repository.js';
import { MembershipRepository } from '../memberships/membership.repository.js';
import { InvitationRepository } from './invitation.repository.js';

/** Days an invitation can be accepted. */
export const INVITATION_VALID_DAYS = 7;
/** Pending invitations one cooperative may have at once (each one sends an e-mail). */
export const MAX_PENDING_INVITATIONS = 50;

/**
 * Invitations: nobody becomes a member without accepting, signed in with the verified address the
 * invitation was sent to. Inviting answers the same whether the address has an account. Answers
 * are conditional updates on PENDING and unexpired, so concurrent answers settle it once.
 */
@Injectable()
export class InvitationService {
  constructor(
    private readonly db: Db,
    private readonly repo: InvitationRepository,
    private readonly memberships: MembershipRepository,
    private readonly cooperatives: CooperativeRepository,
    private readonly users: UserRepository,
    private readonly outbox: Outbox,
  ) {}

  /** OWNER: invites an address (refreshing a pending invitation to it) and e-mails it. */
  async invite(
    rc: RequestContext,
    cooperativeId: string,
    rawEmail: string,
    role: CooperativeRole,
  ): Promise<CooperativeInvitationModel> {
    const actor = rc.requireActor();
    requireUuid(cooperativeId, 'Cooperative');
    const problem = emailProblem(rawEmail);
    if (problem) throw BadUserInputError.field('email', problem);
    const email = normaliseEmail(rawEmail);
    return this.db.transaction(async () => {
      const cooperative = await this.cooperatives.byId(cooperativeId);
      if (!cooperative) throw new NotFoundError('Cooperative', cooperativeId);
      // Members' addresses are visible to the OWNER already: this says nothing new.
      const addressee = await this.users.findByEmail(email);
      if (addressee && (await this.memberships.isMember(addressee.id, cooperativeId))) {
        throw new ConflictError('This address already belongs to a member of the cooperative', 'email');
      }
      if ((await this.repo.countPending(cooperativeId)) >= MAX_PENDING_INVITATIONS) {
        throw new ConflictError(
          `A cooperative can have at most ${MAX_PENDING_INVITATIONS} pending invitations; revoke some first`,
          'email',
        );
      }
      const row = await this.repo.upsertPending(
        cooperativeId,
        email,
        role,
        actor.userId,
        INVITATION_VALID_DAYS,
      );
      const inviter = await this.users.findById(actor.userId);
      await this.outbox.enqueue({
        to: email,
        language: addressee?.preferredLanguage ?? inviter?.preferredLanguage ?? LanguageCode.fr,
        template: 'cooperative-invitation',
        params: {
          cooperativeName: cooperative.name,
          inviterName: inviter?.fullName ?? '',
          role,
          token: row.id,
          expiresOn: row.expiresAt.toISOString().slice(0, 10),
        },
      });
      return row;
    });
  }

  /** PENDING invitations to the caller's address; none until that address is verified. */
  async mine(rc: RequestContext): Promise<CooperativeInvitationModel[]> {
    const actor = rc.requireActor();
    const caller = await this.users.findById(actor.userId);
    if (!caller?.emailVerifiedAt) return [];
    return this.repo.pendingFor(caller.email);
  }

  /**
   * The invitee accepts (becoming a member, in the same transaction) or declines. Another caller
   * gets NOT_FOUND (whether an invitation exists is not theirs to know).
   */
  async respond(rc: RequestContext, id: string, accept: boolean): Promise<CooperativeInvitationModel> {
    const actor = rc.requireActor();
    requireUuid(id, 'CooperativeInvitation');
    const caller = await this.users.findById(actor.userId);
    const to = accept ? InvitationStatus.ACCEPTED : InvitationStatus.DECLINED;
    const row = await this.db.transaction(async () => {
      const current = await this.repo.find(id);
      if (!current || !caller || current.email.toLowerCase() !== caller.email.toLowerCase()) {
        throw new NotFoundError('CooperativeInvitation', id);
      }
      if (!caller.emailVerifiedAt) {
        throw new ForbiddenError('Verify your e-mail address before answering an invitation');
      }
      const settled = await this.repo.settle(id, to, caller.email);
      if (!settled) {
        const now = await this.repo.find(id);
        throw new InvalidStateTransitionError('CooperativeInvitation', now?.status ?? current.status, to);
      }
      if (accept) await this.memberships.add(actor.userId, settled.cooperativeId, settled.role);
      return settled;
    });
    if (accept && !actor.memberships.has(row.cooperativeId)) {
      // A member from now on, also for the fields of this very response.
      rc.actor = { ...actor, memberships: new Map([...actor.memberships, [row.cooperativeId, row.role]]) };
    }
    return row;
  }

  /** OWNER (checked by the policy, through the invitation's cooperative): PENDING → REVOKED. */
  async revoke(rc: RequestContext, id: string): Promise<CooperativeInvitationModel> {
    rc.requireActor();
    requireUuid(id, 'CooperativeInvitation');
    const settled = await this.repo.settle(id, InvitationStatus.REVOKED, null);
    if (settled) return settled;
    const current = await this.repo.find(id);
    if (!current) throw new NotFoundError('CooperativeInvitation', id);
    throw new InvalidStateTransitionError('CooperativeInvitation', current.status, InvitationStatus.REVOKED);
  }

  /** The invitations of a cooperative, newest first (at most 100), batched per request: its OWNER/MANAGER and admins. */
  ofCooperative(rc: RequestContext, cooperativeId: string): Promise<CooperativeInvitationModel[]> {
    const role = rc.actor?.memberships.get(cooperativeId);
    if (!isAdmin(rc.actor) && role !== CooperativeRole.OWNER && role !== CooperativeRole.MANAGER) {
      throw new ForbiddenError('Invitations are for the cooperative’s owners and managers');
    }
    return rc.loaders
      .get<string, CooperativeInvitationModel[]>('cooperatives.invitations', async (ids) =>
        manyByKey(ids, await this.repo.ofCooperatives(ids), (i) => i.cooperativeId),
      )
      .load(cooperativeId);
  }

  /** For the policy of revocation: the cooperative of an invitation (null when there is none). */
  async cooperativeOf(id: string): Promise<string | null> {
    return (await this.repo.find(id))?.cooperativeId ?? null;
  }
}
