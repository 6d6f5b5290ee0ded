import { Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  ConflictError,
  Db,
  type FieldProblem,
  NotFoundError,
  PlatformRole,
  oneByKey,
  requireUuid,
  uniqueViolation,
  type RequestContext,
} from '@taawoun/core';
import { emailProblem, normaliseEmail, PlatformRoles } from '@taawoun/identity';
import type { PartnerOrganizationModel } from './partner.model.js';
import { PartnerRepository } from './partner.repository.js';

export const PARTNER_NAME_MAX_LENGTH = 200;
export const PARTNER_DESCRIPTION_MAX_LENGTH = 4000;
/** `partnerOrganizations` answers at most this many (a handful exist; admins page by name later if ever needed). */
export const PARTNER_LIST_LIMIT = 500;

/** Partner organisations and their members (ADMIN operations, checked by the policies). */
@Injectable()
export class PartnerService {
  constructor(
    private readonly db: Db,
    private readonly repo: PartnerRepository,
    private readonly roles: PlatformRoles,
  ) {}

  async create(name: string, description: string | null | undefined): Promise<PartnerOrganizationModel> {
    const cleanName = name.trim();
    const cleanDescription = description?.trim() || null;
    const problems: FieldProblem[] = [];
    if (!cleanName) problems.push({ field: 'name', message: 'must not be empty' });
    if (cleanName.length > PARTNER_NAME_MAX_LENGTH)
      problems.push({ field: 'name', message: `must be at most ${PARTNER_NAME_MAX_LENGTH} characters` });
    if (cleanDescription && cleanDescription.length > PARTNER_DESCRIPTION_MAX_LENGTH)
      problems.push({
        field: 'description',
        message: `must be at most ${PARTNER_DESCRIPTION_MAX_LENGTH} characters`,
      });
    if (problems.length) throw new BadUserInputError(problems);
    try {
      return await this.db.transaction(() => this.repo.insert(cleanName, cleanDescription));
    } catch (error) {
      if (uniqueViolation(error) === 'UQ_partner_organizations_name')
        throw new ConflictError('A partner organisation already has this name', 'name');
      throw error;
    }
  }

  list(): Promise<PartnerOrganizationModel[]> {
    return this.repo.list(PARTNER_LIST_LIMIT);
  }

  /**
   * Makes the account of `email` a member of the organisation and grants it PARTNER. Only admins
   * reach this (the policy refuses everyone else before it runs), and admins manage accounts, so
   * an unknown or unverified address is answered with BAD_USER_INPUT: nothing is stored for an
   * address without a verified account (which would otherwise hand partner rights to whoever
   * registers it later).
   */
  async addMember(partnerId: string, rawEmail: string): Promise<boolean> {
    requireUuid(partnerId, 'PartnerOrganization');
    const problem = emailProblem(rawEmail);
    if (problem) throw BadUserInputError.field('email', problem);
    const email = normaliseEmail(rawEmail);
    return this.db.transaction(async () => {
      if (!(await this.repo.byId(partnerId))) throw new NotFoundError('PartnerOrganization', partnerId);
      const account = await this.roles.grantByEmail(email, PlatformRole.PARTNER);
      if (!account)
        throw BadUserInputError.field(
          'email',
          'no account has this address; ask the person to register first',
        );
      if (!account.verified)
        throw BadUserInputError.field('email', 'the account has not verified this address yet');
      await this.repo.addMember(partnerId, account.id);
      return true;
    });
  }

  /** The organisation of this id, batched per request (null when there is none). */
  load(rc: RequestContext, id: string): Promise<PartnerOrganizationModel | null> {
    return rc.loaders
      .get<string, PartnerOrganizationModel | null>('branding.partnerById', async (ids) =>
        oneByKey(ids, await this.repo.byIds(ids), (p) => p.id),
      )
      .load(id);
  }

  isMember(partnerId: string, userId: string): Promise<boolean> {
    return this.repo.isMember(partnerId, userId);
  }

  /** User ids of the organisation's members (at most 50), for e-mails. */
  members(partnerId: string): Promise<string[]> {
    return this.repo.membersOf(partnerId, 50);
  }
}
