import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import type { BrandIdentity } from '../brand-identity.js';

export interface BrandKitRow {
  cooperativeId: string;
  logoAssetId: string;
  bannerAssetId: string | null;
  primaryColor: string;
  secondaryColor: string | null;
  tagline: string | null;
  proposalId: string | null;
}

const COLUMNS = `k.cooperative_id AS "cooperativeId", k.logo_asset_id AS "logoAssetId",
  k.banner_asset_id AS "bannerAssetId", k.primary_color AS "primaryColor", k.secondary_color AS "secondaryColor",
  k.tagline, k.proposal_id AS "proposalId"`;

export const BRAND_KIT_SQL = {
  upsert: `INSERT INTO brand_kits AS k (cooperative_id, logo_asset_id, banner_asset_id, primary_color,
      secondary_color, tagline, proposal_id)
    VALUES ($1, $2, $3, $4, $5, $6, $7)
    ON CONFLICT (cooperative_id) DO UPDATE SET logo_asset_id = EXCLUDED.logo_asset_id,
      banner_asset_id = EXCLUDED.banner_asset_id, primary_color = EXCLUDED.primary_color,
      secondary_color = EXCLUDED.secondary_color, tagline = EXCLUDED.tagline, proposal_id = EXCLUDED.proposal_id,
      updated_at = now()
    RETURNING ${COLUMNS}`,
  byCooperatives: `SELECT ${COLUMNS} FROM brand_kits k WHERE k.cooperative_id = ANY($1::uuid[])`,
} as const;

/** Every statement on `brand_kits`. */
@Injectable()
export class BrandKitRepository {
  constructor(private readonly db: Db) {}

  /** Sets the cooperative's kit (replacing the one it had). */
  async upsert(
    cooperativeId: string,
    identity: BrandIdentity,
    proposalId: string | null,
  ): Promise<BrandKitRow> {
    const [row] = await this.db.query<BrandKitRow>(BRAND_KIT_SQL.upsert, [
      cooperativeId,
      identity.logoAssetId,
      identity.bannerAssetId,
      identity.primaryColor,
      identity.secondaryColor,
      identity.tagline,
      proposalId,
    ]);
    return row;
  }

  byCooperatives(cooperativeIds: readonly string[]): Promise<BrandKitRow[]> {
    return this.db.query<BrandKitRow>(BRAND_KIT_SQL.byCooperatives, [[...cooperativeIds]]);
  }
}
