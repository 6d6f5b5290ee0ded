import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import type { CooperativeStatus } from './cooperative-status.js';
import type { VettedValues } from '../profile-changes/vetted-fields.js';
import { visibleCooperativeSql, type CooperativeVisibility } from './cooperative-visibility.js';

/** What an application or a profile update writes: the vetted facts and the contact fields. */
export interface CooperativeProfileValues extends VettedValues {
  description: string | null;
  contactPhone: string;
}

/** A row of `cooperatives` as the API shows it (select it with {@link COOPERATIVE_COLUMNS}). */
export interface CooperativeRow extends CooperativeProfileValues {
  id: string;
  slug: string;
  status: CooperativeStatus;
  commissionRateBps: number;
  /** Centimes; null = shipping is never free. */
  freeShippingThreshold: number | null;
  /** Centimes; null = no minimum. */
  minimumOrderAmount: number | null;
  createdAt: Date;
}

/**
 * A cooperative written by the bulk path (the synthetic statistics region, the bench's
 * generator): complete with its slug and status, bypassing the application workflow.
 */
export interface BulkCooperativeRow extends CooperativeProfileValues {
  slug: string;
  status: CooperativeStatus;
}

/** What checkout needs of a cooperative: its name, commission and shipping terms. */
export interface SalesTermsRow {
  id: string;
  name: string;
  commissionRateBps: number;
  freeShippingThreshold: number | null;
  minimumOrderAmount: number | null;
}

/** The columns of {@link CooperativeRow} over `cooperatives` aliased `c`. */
export const COOPERATIVE_COLUMNS = `c.id, c.slug, c.name, c.registration_number AS "registrationNumber", c.sector,
  c.province_code AS "provinceCode", c.founded_on::text AS "foundedOn", c.member_count AS "memberCount",
  c.women_member_count AS "womenMemberCount", c.women_led AS "womenLed", c.description,
  c.contact_phone AS "contactPhone", c.status, c.commission_rate_bps AS "commissionRateBps",
  c.free_shipping_threshold AS "freeShippingThreshold", c.minimum_order_amount AS "minimumOrderAmount",
  c.created_at AS "createdAt"`;

export const COOPERATIVE_SQL = {
  byIds: `SELECT ${COOPERATIVE_COLUMNS} FROM cooperatives c WHERE c.id = ANY($1::uuid[])`,
  firstByRegistrationNumber: `SELECT ${COOPERATIVE_COLUMNS} FROM cooperatives c WHERE c.registration_number = $1
    ORDER BY c.created_at, c.id LIMIT 1`,
  visibleById: `SELECT ${COOPERATIVE_COLUMNS} FROM cooperatives c
    WHERE c.id = $1::uuid AND ${visibleCooperativeSql('c', 2)}`,
  visibleBySlug: `SELECT ${COOPERATIVE_COLUMNS} FROM cooperatives c
    WHERE c.slug = $1 AND ${visibleCooperativeSql('c', 2)}`,
  insert: `INSERT INTO cooperatives (slug, name, registration_number, sector, province_code, founded_on,
      member_count, women_member_count, women_led, description, contact_phone, status, commission_rate_bps)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
    ON CONFLICT ON CONSTRAINT "UQ_cooperatives_slug" DO NOTHING
    RETURNING id`,
  updateContact: `UPDATE cooperatives SET description = $2, contact_phone = $3, updated_at = now() WHERE id = $1`,
  updateProfile: `UPDATE cooperatives SET name = $3, registration_number = $4, sector = $5, province_code = $6,
      founded_on = $7, member_count = $8, women_member_count = $9, women_led = $10, description = $11,
      contact_phone = $12, status = $13, updated_at = now()
    WHERE id = $1 AND status = $2 RETURNING id`,
  setCommissionRate: `UPDATE cooperatives c SET commission_rate_bps = $2, updated_at = now()
    FROM (SELECT id, commission_rate_bps AS previous FROM cooperatives WHERE id = $1 FOR UPDATE) old
    WHERE c.id = old.id RETURNING old.previous`,
  salesTerms: `SELECT c.id, c.name, c.commission_rate_bps AS "commissionRateBps",
      c.free_shipping_threshold AS "freeShippingThreshold", c.minimum_order_amount AS "minimumOrderAmount"
    FROM cooperatives c WHERE c.id = ANY($1::uuid[])`,
  setShippingTerms: `UPDATE cooperatives c SET free_shipping_threshold = $2, minimum_order_amount = $3, updated_at = now()
    FROM (SELECT id, free_shipping_threshold AS threshold, minimum_order_amount AS minimum
            FROM cooperatives WHERE id = $1 FOR UPDATE) old
    WHERE c.id = old.id RETURNING old.threshold, old.minimum`,
  registrationNumberDuplicates: `SELECT ${COOPERATIVE_COLUMNS}, d.duplicate_of AS "duplicateOf" FROM (
      SELECT o.id, x.id AS duplicate_of,
             row_number() OVER (PARTITION BY x.id ORDER BY o.created_at, o.id) AS n
      FROM cooperatives x JOIN cooperatives o ON o.registration_number = x.registration_number AND o.id <> x.id
      WHERE x.id = ANY($1::uuid[])) d
    JOIN cooperatives c ON c.id = d.id
    WHERE d.n <= $2 ORDER BY d.n`,
  idsWithStatus: `SELECT id FROM cooperatives WHERE status = $1 ORDER BY id`,
  /** Rows of a JSON array of {@link BulkCooperativeRow}; a taken slug or number is skipped. */
  insertBulk: `INSERT INTO cooperatives (slug, name, registration_number, sector, province_code, founded_on,
      member_count, women_member_count, women_led, description, contact_phone, status, commission_rate_bps)
    SELECT r.slug, r.name, r."registrationNumber", r.sector, r."provinceCode", r."foundedOn", r."memberCount",
           r."womenMemberCount", r."womenLed", r.description, r."contactPhone", r.status, $2::int
      FROM jsonb_to_recordset($1::jsonb) AS r(slug text, name text, "registrationNumber" text, sector text,
           "provinceCode" text, "foundedOn" date, "memberCount" int, "womenMemberCount" int, "womenLed" boolean,
           description text, "contactPhone" text, status text)
    ON CONFLICT DO NOTHING
    RETURNING id`,
  lock: `SELECT id FROM cooperatives WHERE id = $1 FOR UPDATE`,
  status: `SELECT status FROM cooperatives WHERE id = $1`,
  lockStatus: `SELECT status FROM cooperatives WHERE id = $1::uuid FOR SHARE`,
  moveStatus: `UPDATE cooperatives SET status = $3, updated_at = now() WHERE id = $1 AND status = $2 RETURNING id`,
  recordReviewer: `UPDATE cooperatives SET reviewer_id = $2, review_started_at = now() WHERE id = $1`,
} as const;

/** Every statement on `cooperatives` (but the vetted facts, see ProfileChangeRepository, and the directory). */
@Injectable()
export class CooperativeRepository {
  constructor(private readonly db: Db) {}

  byIds(ids: readonly string[]): Promise<CooperativeRow[]> {
    return this.db.query<CooperativeRow>(COOPERATIVE_SQL.byIds, [[...ids]]);
  }

  async byId(id: string): Promise<CooperativeRow | null> {
    const [row] = await this.byIds([id]);
    return row ?? null;
  }

  /** The oldest cooperative (any status) registered under this number: the importer's natural key. */
  async firstByRegistrationNumber(registrationNumber: string): Promise<CooperativeRow | null> {
    const [row] = await this.db.query<CooperativeRow>(COOPERATIVE_SQL.firstByRegistrationNumber, [
      registrationNumber,
    ]);
    return row ?? null;
  }

  /** The cooperative with this id (a UUID) or slug, when `visibility` lets its caller see it. */
  async findVisible(
    key: { id: string } | { slug: string },
    visibility: CooperativeVisibility,
  ): Promise<CooperativeRow | null> {
    const [row] = await this.db.query<CooperativeRow>(
      'id' in key ? COOPERATIVE_SQL.visibleById : COOPERATIVE_SQL.visibleBySlug,
      ['id' in key ? key.id : key.slug, ...visibility.params],
    );
    return row ?? null;
  }

  /** Inserts a cooperative; null when the slug is taken (the caller tries another). */
  async insert(
    slug: string,
    values: CooperativeProfileValues,
    status: CooperativeStatus,
    commissionRateBps: number,
  ): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }>(COOPERATIVE_SQL.insert, [
      slug,
      ...profileParams(values),
      status,
      commissionRateBps,
    ]);
    return row?.id ?? null;
  }

  /** Writes the fields a member may change at once on a vetted cooperative. */
  async updateContact(id: string, description: string | null, contactPhone: string): Promise<void> {
    await this.db.query(COOPERATIVE_SQL.updateContact, [id, description, contactPhone]);
  }

  /** Replaces the profile and moves `from` → `to` in one conditional statement; false when the status was not `from`. */
  async updateProfile(
    id: string,
    from: CooperativeStatus,
    values: CooperativeProfileValues,
    to: CooperativeStatus,
  ): Promise<boolean> {
    const rows = await this.db.query(COOPERATIVE_SQL.updateProfile, [id, from, ...profileParams(values), to]);
    return rows.length === 1;
  }

  /** Sets the commission and answers the previous one (null when there is no such cooperative). */
  async setCommissionRate(id: string, rateBps: number): Promise<number | null> {
    const [row] = await this.db.query<{ previous: number }>(COOPERATIVE_SQL.setCommissionRate, [id, rateBps]);
    return row?.previous ?? null;
  }

  salesTerms(ids: readonly string[]): Promise<SalesTermsRow[]> {
    return this.db.query<SalesTermsRow>(COOPERATIVE_SQL.salesTerms, [[...ids]]);
  }

  /** Sets the shipping terms and answers the previous ones (null when there is no such cooperative). */
  async setShippingTerms(
    id: string,
    freeShippingThreshold: number | null,
    minimumOrderAmount: number | null,
  ): Promise<{ threshold: number | null; minimum: number | null } | null> {
    const [row] = await this.db.query<{ threshold: number | null; minimum: number | null }>(
      COOPERATIVE_SQL.setShippingTerms,
      [id, freeShippingThreshold, minimumOrderAmount],
    );
    return row ?? null;
  }

  /** Of each cooperative, the others (any state) with the same registration number, at most `limit` each. */
  registrationNumberDuplicates(
    ids: readonly string[],
    limit: number,
  ): Promise<(CooperativeRow & { duplicateOf: string })[]> {
    return this.db.query<CooperativeRow & { duplicateOf: string }>(
      COOPERATIVE_SQL.registrationNumberDuplicates,
      [[...ids], limit],
    );
  }

  /** The ids of every cooperative in this status. */
  async idsWithStatus(status: CooperativeStatus): Promise<string[]> {
    return (await this.db.query<{ id: string }>(COOPERATIVE_SQL.idsWithStatus, [status])).map((r) => r.id);
  }

  /**
   * The bulk path (the statistics data set, the bench's generator): cooperatives in one
   * statement, skipping those whose slug or registration number is taken. Answers the new ids.
   */
  async insertBulk(rows: readonly BulkCooperativeRow[], commissionRateBps: number): Promise<string[]> {
    const inserted = await this.db.query<{ id: string }>(COOPERATIVE_SQL.insertBulk, [
      JSON.stringify(rows),
      commissionRateBps,
    ]);
    return inserted.map((r) => r.id);
  }

  /** Locks the cooperative row for the rest of the transaction; false when there is none. */
  async lock(id: string): Promise<boolean> {
    return (await this.db.query(COOPERATIVE_SQL.lock, [id])).length > 0;
  }

  async status(id: string): Promise<CooperativeStatus | null> {
    const [row] = await this.db.query<{ status: CooperativeStatus }>(COOPERATIVE_SQL.status, [id]);
    return row?.status ?? null;
  }

  /**
   * The status under a share lock until the transaction ends (other libs' writes that need the
   * cooperative to stay in it, e.g. the catalog's: a concurrent suspension waits); null when unknown.
   */
  async lockStatus(id: string): Promise<CooperativeStatus | null> {
    const [row] = await this.db.query<{ status: CooperativeStatus }>(COOPERATIVE_SQL.lockStatus, [id]);
    return row?.status ?? null;
  }

  /** `from` → `to` in one conditional statement; false when the status was not `from` (or no such row). */
  async moveStatus(id: string, from: CooperativeStatus, to: CooperativeStatus): Promise<boolean> {
    return (await this.db.query(COOPERATIVE_SQL.moveStatus, [id, from, to])).length === 1;
  }

  async recordReviewer(id: string, reviewerId: string): Promise<void> {
    await this.db.query(COOPERATIVE_SQL.recordReviewer, [id, reviewerId]);
  }
}

function profileParams(values: CooperativeProfileValues): unknown[] {
  return [
    values.name,
    values.registrationNumber,
    values.sector,
    values.provinceCode,
    values.foundedOn,
    values.memberCount,
    values.womenMemberCount,
    values.womenLed,
    values.description,
    values.contactPhone,
  ];
}
