import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import { type AssetVisibility, visibleAssetSql } from './asset-visibility.js';

/** An asset as every read answers it. */
export interface AssetRow {
  id: string;
  key: string;
  ownerId: string | null;
  cooperativeId: string | null;
  kind: string | null;
  public: boolean;
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  variants: string[];
  createdAt: Date;
}

/** A new upload, as stored. */
export interface NewAssetRow {
  key: string;
  ownerId: string;
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
}

/** An unattached upload old enough to be cleaned. */
export interface StaleAssetRow {
  id: string;
  key: string;
  variants: string[];
}

/** The columns every read selects, over the `assets` row aliased `a`, named for {@link AssetRow}. */
export const ASSET_COLUMNS = `a.id, a.key, a.owner_id AS "ownerId", a.cooperative_id AS "cooperativeId", a.kind,
  a.public, a.mime_type AS "mimeType", a.byte_size AS "byteSize", a.width, a.height, a.variants,
  a.created_at AS "createdAt"`;

// Visibility parameters sit at $2..$4 (see assetVisibility).
export const ASSET_SQL = {
  insert: `INSERT INTO assets (key, owner_id, mime_type, byte_size, width, height)
    VALUES ($1, $2, $3, $4, $5, $6)
    RETURNING id, key, owner_id AS "ownerId", cooperative_id AS "cooperativeId", kind, public,
      mime_type AS "mimeType", byte_size AS "byteSize", width, height, variants, created_at AS "createdAt"`,
  byId: `SELECT ${ASSET_COLUMNS} FROM assets a WHERE a.id = $1`,
  byIds: `SELECT ${ASSET_COLUMNS} FROM assets a WHERE a.id = ANY($1::uuid[])`,
  visibleByKey: `SELECT ${ASSET_COLUMNS} FROM assets a
    WHERE a.key = $1 AND ${visibleAssetSql('a', 2)}`,
  visibleByIds: `SELECT ${ASSET_COLUMNS} FROM assets a
    WHERE a.id = ANY($1::uuid[]) AND ${visibleAssetSql('a', 2)}`,
  /** Locks the rows an attachment is about to change, so two attachments of one asset take turns. */
  lockByIds: `SELECT ${ASSET_COLUMNS} FROM assets a WHERE a.id = ANY($1::uuid[]) ORDER BY a.id FOR UPDATE`,
  /** Attaches to a cooperative; an asset of another cooperative is left alone (the caller counts). */
  attach: `UPDATE assets SET cooperative_id = $2, kind = COALESCE(kind, $3), public = public OR $4::boolean,
      attached_at = COALESCE(attached_at, now())
    WHERE id = ANY($1::uuid[]) AND (cooperative_id IS NULL OR cooperative_id = $2)`,
  setVariants: `UPDATE assets SET variants = $2::text[] WHERE id = $1`,
  staleUnattached: `SELECT id, key, variants FROM assets
    WHERE cooperative_id IS NULL AND created_at < now() - make_interval(hours => $1) ORDER BY created_at LIMIT $2`,
  /** Deletes an unattached upload unless something references it (the foreign keys say no). */
  deleteUnattached: `DELETE FROM assets WHERE id = $1 AND cooperative_id IS NULL`,
  /** The bulk path (the bench's generator): attached assets from a JSON array of {@link BulkAssetRow}. */
  insertBulk: `INSERT INTO assets (key, cooperative_id, kind, public, mime_type, byte_size, width, height, attached_at)
    SELECT r.key, r."cooperativeId", r.kind, r.public, r."mimeType", r."byteSize", r.width, r.height, now()
      FROM jsonb_to_recordset($1::jsonb) AS r(key text, "cooperativeId" uuid, kind text, public boolean,
           "mimeType" text, "byteSize" int, width int, height int)
    RETURNING id, key`,
} as const;

/** An asset written by the bulk path, already attached to its cooperative (no file behind it). */
export interface BulkAssetRow {
  key: string;
  cooperativeId: string;
  kind: string;
  public: boolean;
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
}

/** Every SQL statement on `assets`. Runs in the caller's transaction, if any. */
@Injectable()
export class AssetRepository {
  constructor(private readonly db: Db) {}

  /** The bulk path (the bench's generator); answers the new ids by key. */
  insertBulk(rows: readonly BulkAssetRow[]): Promise<{ id: string; key: string }[]> {
    return this.db.query<{ id: string; key: string }>(ASSET_SQL.insertBulk, [JSON.stringify(rows)]);
  }

  async insert(row: NewAssetRow): Promise<AssetRow> {
    const [inserted] = await this.db.query<AssetRow>(ASSET_SQL.insert, [
      row.key,
      row.ownerId,
      row.mimeType,
      row.byteSize,
      row.width,
      row.height,
    ]);
    return inserted;
  }

  async byId(id: string): Promise<AssetRow | undefined> {
    const [row] = await this.db.query<AssetRow>(ASSET_SQL.byId, [id]);
    return row;
  }

  byIds(ids: readonly string[]): Promise<AssetRow[]> {
    return this.db.query<AssetRow>(ASSET_SQL.byIds, [ids]);
  }

  async visibleByKey(key: string, visibility: AssetVisibility): Promise<AssetRow | undefined> {
    const [row] = await this.db.query<AssetRow>(ASSET_SQL.visibleByKey, [key, ...visibility.params]);
    return row;
  }

  visibleByIds(ids: readonly string[], visibility: AssetVisibility): Promise<AssetRow[]> {
    return this.db.query<AssetRow>(ASSET_SQL.visibleByIds, [ids, ...visibility.params]);
  }

  lockByIds(ids: readonly string[]): Promise<AssetRow[]> {
    return this.db.query<AssetRow>(ASSET_SQL.lockByIds, [ids]);
  }

  /** Answers how many rows it attached. */
  attach(ids: readonly string[], cooperativeId: string, kind: string, isPublic: boolean): Promise<number> {
    return this.db.execute(ASSET_SQL.attach, [ids, cooperativeId, kind, isPublic]);
  }

  async setVariants(id: string, variants: readonly string[]): Promise<void> {
    await this.db.execute(ASSET_SQL.setVariants, [id, variants]);
  }

  staleUnattached(olderThanHours: number, limit: number): Promise<StaleAssetRow[]> {
    return this.db.query<StaleAssetRow>(ASSET_SQL.staleUnattached, [olderThanHours, limit]);
  }

  deleteUnattached(id: string): Promise<number> {
    return this.db.execute(ASSET_SQL.deleteUnattached, [id]);
  }
}
