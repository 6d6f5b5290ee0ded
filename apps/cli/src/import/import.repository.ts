import type { Db } from '@taawoun/core';
import type { CooperativeStatus } from '@taawoun/cooperatives';

export interface ImportedUserRow {
  id: string;
}

export interface ImportedCooperativeRow {
  id: string;
  slug: string;
  status: CooperativeStatus;
}

export interface ImportedCertificationRow {
  id: string;
  verified: boolean;
}

export interface ImportedProductRow {
  productId: string;
}

/**
 * The importer's look-ups by natural key (what makes a second run create nothing), and the one
 * write no public service offers: a membership without an invitation e-mail answered from a
 * verified address.
 */
export const IMPORT_SQL = {
  userByEmail: `SELECT id FROM users WHERE email = $1`,
  cooperativeByRegistrationNumber: `SELECT id, slug, status FROM cooperatives WHERE registration_number = $1
    ORDER BY created_at, id LIMIT 1`,
  addMembership: `INSERT INTO cooperative_memberships (user_id, cooperative_id, role) VALUES ($1, $2, $3)
    ON CONFLICT ON CONSTRAINT "UQ_cooperative_memberships_user_cooperative" DO NOTHING`,
  certificationByReference: `SELECT id, verified FROM certifications
    WHERE cooperative_id = $1 AND type = $2 AND reference = $3`,
  productBySku: `SELECT product_id AS "productId" FROM product_variants WHERE cooperative_id = $1 AND sku = $2`,
  variantBySku: `SELECT id FROM product_variants WHERE cooperative_id = $1 AND sku = $2`,
} as const;

/** Plain class (no Nest provider): built over the application's {@link Db} by importServices(). */
export class ImportRepository {
  constructor(private readonly db: Db) {}

  async userByEmail(email: string): Promise<ImportedUserRow | null> {
    const [row] = await this.db.query<ImportedUserRow>(IMPORT_SQL.userByEmail, [email]);
    return row ?? null;
  }

  async cooperativeByRegistrationNumber(registrationNumber: string): Promise<ImportedCooperativeRow | null> {
    const [row] = await this.db.query<ImportedCooperativeRow>(IMPORT_SQL.cooperativeByRegistrationNumber, [
      registrationNumber,
    ]);
    return row ?? null;
  }

  async addMembership(userId: string, cooperativeId: string, role: string): Promise<void> {
    await this.db.query(IMPORT_SQL.addMembership, [userId, cooperativeId, role]);
  }

  async certificationByReference(
    cooperativeId: string,
    type: string,
    reference: string,
  ): Promise<ImportedCertificationRow | null> {
    const [row] = await this.db.query<ImportedCertificationRow>(IMPORT_SQL.certificationByReference, [
      cooperativeId,
      type,
      reference,
    ]);
    return row ?? null;
  }

  async productBySku(cooperativeId: string, sku: string): Promise<ImportedProductRow | null> {
    const [row] = await this.db.query<ImportedProductRow>(IMPORT_SQL.productBySku, [cooperativeId, sku]);
    return row ?? null;
  }

  async variantBySku(cooperativeId: string, sku: string): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }>(IMPORT_SQL.variantBySku, [cooperativeId, sku]);
    return row?.id ?? null;
  }
}
