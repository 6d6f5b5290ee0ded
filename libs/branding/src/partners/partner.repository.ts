import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

export interface PartnerOrganizationRow {
  id: string;
  name: string;
  description: string | null;
}

const COLUMNS = `p.id, p.name::text AS name, p.description`;

export const PARTNER_SQL = {
  insert: `INSERT INTO partner_organizations AS p (name, description) VALUES ($1, $2) RETURNING ${COLUMNS}`,
  byId: `SELECT ${COLUMNS} FROM partner_organizations p WHERE p.id = $1`,
  byIds: `SELECT ${COLUMNS} FROM partner_organizations p WHERE p.id = ANY($1::uuid[])`,
  list: `SELECT ${COLUMNS} FROM partner_organizations p ORDER BY p.name, p.id LIMIT $1`,
  addMember: `INSERT INTO partner_members (partner_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
  isMember: `SELECT EXISTS (SELECT 1 FROM partner_members WHERE partner_id = $1 AND user_id = $2) AS member`,
  membersOf: `SELECT user_id AS "userId" FROM partner_members WHERE partner_id = $1 ORDER BY created_at LIMIT $2`,
} as const;

/** Every statement on `partner_organizations` and `partner_members`. */
@Injectable()
export class PartnerRepository {
  constructor(private readonly db: Db) {}

  /** Throws the unique violation of `UQ_partner_organizations_name` when the name is taken. */
  async insert(name: string, description: string | null): Promise<PartnerOrganizationRow> {
    const [row] = await this.db.query<PartnerOrganizationRow>(PARTNER_SQL.insert, [name, description]);
    return row;
  }

  async byId(id: string): Promise<PartnerOrganizationRow | null> {
    const [row] = await this.db.query<PartnerOrganizationRow>(PARTNER_SQL.byId, [id]);
    return row ?? null;
  }

  byIds(ids: readonly string[]): Promise<PartnerOrganizationRow[]> {
    return this.db.query<PartnerOrganizationRow>(PARTNER_SQL.byIds, [[...ids]]);
  }

  /** By name, at most `limit`. */
  list(limit: number): Promise<PartnerOrganizationRow[]> {
    return this.db.query<PartnerOrganizationRow>(PARTNER_SQL.list, [limit]);
  }

  /** Adds a member (nothing when already one). */
  async addMember(partnerId: string, userId: string): Promise<void> {
    await this.db.execute(PARTNER_SQL.addMember, [partnerId, userId]);
  }

  async isMember(partnerId: string, userId: string): Promise<boolean> {
    const [row] = await this.db.query<{ member: boolean }>(PARTNER_SQL.isMember, [partnerId, userId]);
    return row.member;
  }

  /** The members' user ids, oldest first, at most `limit`. */
  async membersOf(partnerId: string, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ userId: string }>(PARTNER_SQL.membersOf, [partnerId, limit]);
    return rows.map((r) => r.userId);
  }
}
