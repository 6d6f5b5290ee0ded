import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import type { CooperativeStatus } from '../cooperatives/cooperative-status.js';
import { VETTED_COLUMNS, VETTED_FIELDS, type VettedValues } from './vetted-fields.js';

export interface ProfileChangeRow {
  cooperativeId: string;
  changes: Partial<VettedValues>;
  requestedBy: string | null;
  requestedAt: Date;
}

export interface VettedCooperativeRow extends VettedValues {
  status: CooperativeStatus;
}

const VETTED_SELECT = `c.status, c.name, c.registration_number AS "registrationNumber", c.sector,
  c.province_code AS "provinceCode", c.founded_on::text AS "foundedOn", c.member_count AS "memberCount",
  c.women_member_count AS "womenMemberCount", c.women_led AS "womenLed"`;

const CHANGE_COLUMNS = `cooperative_id AS "cooperativeId", changes, requested_by AS "requestedBy",
  requested_at AS "requestedAt"`;

export const PROFILE_CHANGE_SQL = {
  lockVetted: `SELECT ${VETTED_SELECT} FROM cooperatives c WHERE c.id = $1 FOR UPDATE`,
  findMany: `SELECT ${CHANGE_COLUMNS} FROM cooperative_profile_changes WHERE cooperative_id = ANY($1::uuid[])`,
  save: `INSERT INTO cooperative_profile_changes (cooperative_id, changes, requested_by) VALUES ($1, $2::jsonb, $3)
    ON CONFLICT (cooperative_id) DO UPDATE
      SET changes = EXCLUDED.changes, requested_by = EXCLUDED.requested_by, requested_at = now()`,
  take: `DELETE FROM cooperative_profile_changes WHERE cooperative_id = $1 RETURNING ${CHANGE_COLUMNS}`,
  /** Writes every vetted column ($2.. in VETTED_FIELDS order). */
  applyVetted: `UPDATE cooperatives
    SET ${VETTED_FIELDS.map((f, i) => `${VETTED_COLUMNS[f]} = $${i + 2}`).join(', ')}, updated_at = now()
    WHERE id = $1`,
  vettedNumberTaken: `SELECT 1 FROM cooperatives WHERE registration_number = $1 AND status IN ('APPROVED', 'SUSPENDED')
    AND ($2::uuid IS NULL OR id <> $2::uuid) LIMIT 1`,
} as const;

/** Every statement on `cooperative_profile_changes`, and the vetted columns of `cooperatives`. */
@Injectable()
export class ProfileChangeRepository {
  constructor(private readonly db: Db) {}

  /** The cooperative's status and vetted values, locked for the rest of the transaction. */
  async lockVetted(cooperativeId: string): Promise<VettedCooperativeRow | null> {
    const [row] = await this.db.query<VettedCooperativeRow>(PROFILE_CHANGE_SQL.lockVetted, [cooperativeId]);
    return row ?? null;
  }

  async find(cooperativeId: string): Promise<ProfileChangeRow | null> {
    const [row] = await this.findMany([cooperativeId]);
    return row ?? null;
  }

  findMany(cooperativeIds: readonly string[]): Promise<ProfileChangeRow[]> {
    return this.db.query<ProfileChangeRow>(PROFILE_CHANGE_SQL.findMany, [[...cooperativeIds]]);
  }

  /** Stores the whole pending change of a cooperative (replacing the previous one). */
  async save(cooperativeId: string, changes: Partial<VettedValues>, requestedBy: string): Promise<void> {
    await this.db.query(PROFILE_CHANGE_SQL.save, [cooperativeId, JSON.stringify(changes), requestedBy]);
  }

  /** Removes the pending change and answers it (null when there was none). */
  async take(cooperativeId: string): Promise<ProfileChangeRow | null> {
    const [row] = await this.db.query<ProfileChangeRow>(PROFILE_CHANGE_SQL.take, [cooperativeId]);
    return row ?? null;
  }

  /** Writes the vetted values of a cooperative. */
  async applyVetted(cooperativeId: string, values: VettedValues): Promise<void> {
    await this.db.query(PROFILE_CHANGE_SQL.applyVetted, [
      cooperativeId,
      ...VETTED_FIELDS.map((f) => values[f]),
    ]);
  }

  /** Whether another vetted (APPROVED or SUSPENDED) cooperative has this registration number. */
  async vettedNumberTaken(registrationNumber: string, exceptId: string | null): Promise<boolean> {
    const rows = await this.db.query(PROFILE_CHANGE_SQL.vettedNumberTaken, [registrationNumber, exceptId]);
    return rows.length > 0;
  }
}
