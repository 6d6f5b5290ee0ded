import { Injectable } from '@nestjs/common';
import { Db, type CooperativeRole } from '@taawoun/core';

export interface MembershipRow {
  id: string;
  role: CooperativeRole;
  cooperativeId: string;
  userId: string;
}

const COLUMNS = `m.id, m.role, m.cooperative_id AS "cooperativeId", m.user_id AS "userId"`;

export const MEMBERSHIP_SQL = {
  add: `INSERT INTO cooperative_memberships (user_id, cooperative_id, role) VALUES ($1, $2, $3)
    ON CONFLICT ON CONSTRAINT "UQ_cooperative_memberships_user_cooperative" DO NOTHING RETURNING id`,
  ofCooperatives: `SELECT ${COLUMNS} FROM cooperative_memberships m
    WHERE m.cooperative_id = ANY($1::uuid[])
    ORDER BY array_position(ARRAY['OWNER', 'MANAGER', 'STAFF']::varchar[], m.role), m.created_at, m.id`,
  ofUsers: `SELECT ${COLUMNS} FROM cooperative_memberships m
    WHERE m.user_id = ANY($1::uuid[]) ORDER BY m.created_at, m.id`,
  managersOf: `SELECT ${COLUMNS} FROM cooperative_memberships m
    WHERE m.cooperative_id = ANY($1::uuid[]) AND m.role IN ('OWNER', 'MANAGER') ORDER BY m.created_at, m.id`,
  isMember: `SELECT 1 FROM cooperative_memberships WHERE user_id = $1 AND cooperative_id = $2`,
  remove: `DELETE FROM cooperative_memberships WHERE cooperative_id = $1 AND user_id = $2`,
} as const;

/** Every statement on `cooperative_memberships` (identity's ActorService reads it too, for roles). */
@Injectable()
export class MembershipRepository {
  constructor(private readonly db: Db) {}

  /** Adds the member unless they already are one; answers whether a membership was created. */
  async add(userId: string, cooperativeId: string, role: CooperativeRole): Promise<boolean> {
    return (await this.db.query(MEMBERSHIP_SQL.add, [userId, cooperativeId, role])).length > 0;
  }

  /** The members of several cooperatives, owners first, then by seniority. */
  ofCooperatives(cooperativeIds: readonly string[]): Promise<MembershipRow[]> {
    return this.db.query<MembershipRow>(MEMBERSHIP_SQL.ofCooperatives, [[...cooperativeIds]]);
  }

  /** The memberships of several users, oldest first. */
  ofUsers(userIds: readonly string[]): Promise<MembershipRow[]> {
    return this.db.query<MembershipRow>(MEMBERSHIP_SQL.ofUsers, [[...userIds]]);
  }

  /** The owners and managers of several cooperatives (who answers for them, e.g. reminders). */
  managersOf(cooperativeIds: readonly string[]): Promise<MembershipRow[]> {
    return this.db.query<MembershipRow>(MEMBERSHIP_SQL.managersOf, [[...cooperativeIds]]);
  }

  async isMember(userId: string, cooperativeId: string): Promise<boolean> {
    return (await this.db.query(MEMBERSHIP_SQL.isMember, [userId, cooperativeId])).length > 0;
  }

  async remove(cooperativeId: string, userId: string): Promise<void> {
    await this.db.query(MEMBERSHIP_SQL.remove, [cooperativeId, userId]);
  }
}
