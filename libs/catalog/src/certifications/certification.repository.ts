import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import { validCertificationSql } from './certification-validity.js';
import type { CertificationType } from './certification-type.js';

/** SELECT list of a certification (alias `ce`) as {@link CertificationRow}. */
const CERTIFICATION_COLUMNS = `ce.id, ce.type, ce.reference, ce.issued_on::text AS "issuedOn",
  ce.expires_on::text AS "expiresOn", ce.verified, ${validCertificationSql('ce')} AS valid, ce.cooperative_id AS "cooperativeId"`;

/** A certification as read, with its validity today. */
export interface CertificationRow {
  id: string;
  type: CertificationType;
  reference: string;
  issuedOn: string;
  expiresOn: string | null;
  verified: boolean;
  valid: boolean;
  cooperativeId: string;
}

/** A certification with the product it covers (the product's certifications, batched). */
export interface ProductCertificationRow extends CertificationRow {
  productId: string;
}

export interface NewCertificationRow {
  cooperativeId: string;
  type: CertificationType;
  reference: string;
  issuedOn: string;
  expiresOn: string | null;
  documentAssetId: string | null;
}

/** A reminder just recorded for a certificate about to expire. */
export interface CertificationReminderRow {
  certificationId: string;
  cooperativeId: string;
  type: string;
  reference: string;
  expiresOn: string;
}

export const CERTIFICATION_SQL = {
  cooperativeOf: `SELECT cooperative_id AS "cooperativeId" FROM certifications WHERE id = $1::uuid`,
  byId: `SELECT ${CERTIFICATION_COLUMNS} FROM certifications ce WHERE ce.id = $1::uuid`,
  byReference: `SELECT ${CERTIFICATION_COLUMNS} FROM certifications ce
                 WHERE ce.cooperative_id = $1::uuid AND ce.type = $2 AND ce.reference = $3`,
  byProducts: `SELECT pc.product_id AS "productId", ${CERTIFICATION_COLUMNS}
                 FROM product_certifications pc JOIN certifications ce ON ce.id = pc.certification_id
                WHERE pc.product_id = ANY($1::uuid[])
                ORDER BY ce.type, ce.issued_on, ce.id`,
  /** The admins' queue: unverified certificates, oldest first, at most $1. */
  unverified: `SELECT ${CERTIFICATION_COLUMNS} FROM certifications ce
                WHERE NOT ce.verified ORDER BY ce.created_at, ce.id LIMIT $1`,
  idsOfCooperative: `SELECT id FROM certifications WHERE id = ANY($1::uuid[]) AND cooperative_id = $2::uuid`,
  insert: `INSERT INTO certifications (cooperative_id, type, reference, issued_on, expires_on, document_asset_id)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT ON CONSTRAINT "UQ_certifications_reference" DO NOTHING RETURNING id`,
  verify: `UPDATE certifications
              SET verified = $2::boolean, verified_at = CASE WHEN $2::boolean THEN now() END,
                  verified_by = CASE WHEN $2::boolean THEN $3::uuid END, updated_at = now()
            WHERE id = $1::uuid RETURNING id`,
  /** Records one reminder per verified certificate expiring in [$1, $1 + $2 days], once per expiry date. */
  remindExpiring: `WITH due AS (
                     INSERT INTO certification_reminders (certification_id, expires_on)
                     SELECT ce.id, ce.expires_on FROM certifications ce
                      WHERE ce.verified AND ce.expires_on BETWEEN $1::date AND $1::date + $2::int
                     ON CONFLICT ON CONSTRAINT "UQ_certification_reminders_expiry" DO NOTHING
                     RETURNING certification_id, expires_on)
                   SELECT ce.id AS "certificationId", ce.cooperative_id AS "cooperativeId", ce.type, ce.reference,
                          due.expires_on::text AS "expiresOn"
                     FROM due JOIN certifications ce ON ce.id = due.certification_id
                    ORDER BY due.expires_on, ce.id`,
  /** The bulk path (the bench's generator): rows of a JSON array of {@link BulkCertificationRow}. */
  insertBulk: `INSERT INTO certifications (cooperative_id, type, reference, issued_on, expires_on, verified, verified_at)
                SELECT r."cooperativeId", r.type, r.reference, r."issuedOn", r."expiresOn", r.verified,
                       CASE WHEN r.verified THEN now() END
                  FROM jsonb_to_recordset($1::jsonb) AS r("cooperativeId" uuid, type text, reference text,
                       "issuedOn" date, "expiresOn" date, verified boolean)
                ON CONFLICT ON CONSTRAINT "UQ_certifications_reference" DO NOTHING`,
} as const;

/** A certification written by the bulk path, verified or not (no admin recorded). */
export interface BulkCertificationRow {
  cooperativeId: string;
  type: string;
  reference: string;
  issuedOn: string;
  expiresOn: string | null;
  verified: boolean;
}

/** Every statement on `certifications` and `certification_reminders`. */
@Injectable()
export class CertificationRepository {
  constructor(private readonly db: Db) {}

  /** The bulk path (the bench's generator), skipping taken references; answers the rows written. */
  insertBulk(rows: readonly BulkCertificationRow[]): Promise<number> {
    return this.db.execute(CERTIFICATION_SQL.insertBulk, [JSON.stringify(rows)]);
  }

  async cooperativeOf(id: string): Promise<string | null> {
    const [row] = await this.db.query<{ cooperativeId: string }>(CERTIFICATION_SQL.cooperativeOf, [id]);
    return row?.cooperativeId ?? null;
  }

  async byId(id: string): Promise<CertificationRow | null> {
    const [row] = await this.db.query<CertificationRow>(CERTIFICATION_SQL.byId, [id]);
    return row ?? null;
  }

  /** The cooperative's certificate of this type and reference (its natural key), if any. */
  async byReference(
    cooperativeId: string,
    type: string,
    reference: string,
  ): Promise<CertificationRow | null> {
    const [row] = await this.db.query<CertificationRow>(CERTIFICATION_SQL.byReference, [
      cooperativeId,
      type,
      reference,
    ]);
    return row ?? null;
  }

  byProducts(productIds: readonly string[]): Promise<ProductCertificationRow[]> {
    return this.db.query<ProductCertificationRow>(CERTIFICATION_SQL.byProducts, [productIds]);
  }

  /** Unverified certificates, oldest first (the admins' verification queue). */
  unverified(limit: number): Promise<CertificationRow[]> {
    return this.db.query<CertificationRow>(CERTIFICATION_SQL.unverified, [limit]);
  }

  /** Those of `ids` that are certifications of the cooperative. */
  async idsOfCooperative(cooperativeId: string, ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ id: string }>(CERTIFICATION_SQL.idsOfCooperative, [
      ids,
      cooperativeId,
    ]);
    return new Set(rows.map((r) => r.id));
  }

  /** Inserts unless the cooperative already has this type and reference (then null). */
  async insert(certification: NewCertificationRow): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }>(CERTIFICATION_SQL.insert, [
      certification.cooperativeId,
      certification.type,
      certification.reference,
      certification.issuedOn,
      certification.expiresOn,
      certification.documentAssetId,
    ]);
    return row?.id ?? null;
  }

  /** Sets or clears the verification; whether the certification exists. */
  async verify(id: string, verified: boolean, by: string): Promise<boolean> {
    const rows = await this.db.query<{ id: string }>(CERTIFICATION_SQL.verify, [id, verified, by]);
    return rows.length > 0;
  }

  remindExpiring(today: string, daysBefore: number): Promise<CertificationReminderRow[]> {
    return this.db.query<CertificationReminderRow>(CERTIFICATION_SQL.remindExpiring, [today, daysBefore]);
  }
}
