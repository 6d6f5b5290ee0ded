import { Injectable } from '@nestjs/common';
import {
  ConflictError,
  CooperativeRole,
  Db,
  ForbiddenError,
  NotFoundError,
  isAdmin,
  isAdminOrMemberOf,
  manyByKey,
  oneByKey,
  requireUuid,
  type RequestContext,
} from '@taawoun/core';
import { toUserModel, UserRepository, type UserModel } from '@taawoun/identity';
import { CooperativeRepository } from '../cooperatives/cooperative.repository.js';
import type { CooperativeMembershipModel } from './membership.model.js';
import { MembershipRepository } from './membership.repository.js';

/**
 * Who works for a cooperative. A cooperative always keeps at least one OWNER: removals lock
 * the cooperative row, so two owners removing each other at once are serialised and the
 * second one sees that only one owner is left.
 */
@Injectable()
export class MembershipService {
  constructor(
    private readonly db: Db,
    private readonly repo: MembershipRepository,
    private readonly cooperatives: CooperativeRepository,
    private readonly users: UserRepository,
  ) {}

  /** OWNER: removes a member; refused when it would leave the cooperative without an OWNER. */
  async remove(rc: RequestContext, cooperativeId: string, userId: string): Promise<boolean> {
    rc.requireActor();
    requireUuid(cooperativeId, 'Cooperative');
    requireUuid(userId, 'CooperativeMembership');
    return this.db.transaction(async () => {
      if (!(await this.cooperatives.lock(cooperativeId)))
        throw new NotFoundError('Cooperative', cooperativeId);
      const members = await this.repo.ofCooperatives([cooperativeId]);
      const target = members.find((m) => m.userId === userId);
      if (!target) throw new NotFoundError('CooperativeMembership', userId);
      const owners = members.filter((m) => m.role === CooperativeRole.OWNER).length;
      if (target.role === CooperativeRole.OWNER && owners <= 1) {
        throw new ConflictError('A cooperative must keep at least one OWNER', 'userId');
      }
      await this.repo.remove(cooperativeId, userId);
      return true;
    });
  }

  /** The members of a cooperative (owners first), batched per request: its members and admins only. */
  membersOf(rc: RequestContext, cooperativeId: string): Promise<CooperativeMembershipModel[]> {
    if (!isAdminOrMemberOf(rc.actor, cooperativeId)) throw new ForbiddenError('Members are internal');
    return rc.loaders
      .get<string, CooperativeMembershipModel[]>('cooperatives.membersByCooperative', async (ids) =>
        manyByKey(ids, await this.repo.ofCooperatives(ids), (m) => m.cooperativeId),
      )
      .load(cooperativeId);
  }

  /**
   * The cooperatives a user works for, oldest membership first, batched per request: the user
   * and admins only (FORBIDDEN for others). Other members of a shared cooperative reach this user
   * through Cooperative.members: where else the user works (hidden applications included) is not
   * theirs to see.
   */
  ofUser(rc: RequestContext, userId: string): Promise<CooperativeMembershipModel[]> {
    if (rc.actor?.userId !== userId && !isAdmin(rc.actor)) {
      throw new ForbiddenError('Memberships are visible to the user and admins only');
    }
    return rc.loaders
      .get<string, CooperativeMembershipModel[]>('cooperatives.membershipsByUser', async (userIds) =>
        manyByKey(userIds, await this.repo.ofUsers(userIds), (m) => m.userId),
      )
      .load(userId);
  }

  /** The member of a membership, batched per request: the member, the cooperative's members and admins only. */
  async memberUser(rc: RequestContext, membership: CooperativeMembershipModel): Promise<UserModel> {
    if (rc.actor?.userId !== membership.userId && !isAdminOrMemberOf(rc.actor, membership.cooperativeId)) {
      throw new ForbiddenError('Members are internal');
    }
    const user = await rc.loaders
      .get<string, UserModel | null>('cooperatives.memberUsers', async (ids) =>
        oneByKey(ids, (await this.users.findByIds(ids)).map(toUserModel), (u) => u.id),
      )
      .load(membership.userId);
    if (!user) throw new NotFoundError('User', membership.userId);
    return user;
  }
}
