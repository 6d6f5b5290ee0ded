import { Injectable } from '@nestjs/common';
import {
  ConflictError,
  CooperativeRole,
  Db,
  NotFoundError,
  manyByKey,
  requireUuid,
  type RequestContext,
} from '@taawoun/core';
import type { CooperativeMembershipModel } from './membership.model.js';

interface MembershipRow {
  id: string;
  role: CooperativeRole;
  cooperative_id: string;
  user_id: string;
}

const toModel = (row: MembershipRow): CooperativeMembershipModel => ({
  id: row.id,
  role: row.role,
  cooperativeId: row.cooperative_id,
  userId: row.user_id,
});

/**
 * Who works for a cooperative. A cooperative always keeps at least one OWNER: removals lock
 * the cooperative row, so two owners removing each other at once are serialised and the
 * second one sees that only one owner is left.
 */
@Injectable()
export class MembershipService {
  constructor(private readonly db: Db) {}

  /** OWNER: removes a member; refused when it would leave the cooperative without an OWNER. */
  async remove(rc: RequestContext, cooperativeId: string, userId: string): Promise<boolean> {
    rc.requireActor();
    requireUuid(cooperativeId, 'Cooperative');
    requireUuid(userId, 'CooperativeMembership');
    return this.db.transaction(async () => {
      const locked = await this.db.query(`SELECT id FROM cooperatives WHERE id = $1 FOR UPDATE`, [
        cooperativeId,
      ]);
      if (!locked.length) throw new NotFoundError('Cooperative', cooperativeId);
      const members = await this.db.query<{ user_id: string; role: CooperativeRole }>(
        `SELECT user_id, role FROM cooperative_memberships WHERE cooperative_id = $1`,
        [cooperativeId],
      );
      const target = members.find((m) => m.user_id === userId);
      if (!target) throw new NotFoundError('CooperativeMembership', userId);
      const owners = members.filter((m) => m.role === CooperativeRole.OWNER).length;
      if (target.role === CooperativeRole.OWNER && owners <= 1) {
        throw new ConflictError('A cooperative must keep at least one OWNER', 'userId');
      }
      await this.db.query(`DELETE FROM cooperative_memberships WHERE cooperative_id = $1 AND user_id = $2`, [
        cooperativeId,
        userId,
      ]);
      return true;
    });
  }

  /** The members of a cooperative (owners first), batched per request. */
  membersOf(rc: RequestContext, cooperativeId: string): Promise<CooperativeMembershipModel[]> {
    return rc.loaders
      .get<string, CooperativeMembershipModel[]>('cooperatives.membersByCooperative', async (ids) => {
        const rows = await this.db.query<MembershipRow>(
          `SELECT id, role, cooperative_id, user_id FROM cooperative_memberships
           WHERE cooperative_id = ANY($1::uuid[])
           ORDER BY array_position(ARRAY['OWNER', 'MANAGER', 'STAFF']::varchar[], role), created_at, id`,
          [[...ids]],
        );
        return manyByKey(ids, rows.map(toModel), (m) => m.cooperativeId);
      })
      .load(cooperativeId);
  }
}
