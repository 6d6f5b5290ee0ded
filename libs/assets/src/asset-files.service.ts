import { Inject, Injectable } from '@nestjs/common';
import { type Actor, AppConfig, Db, Jobs, LOGGER, pgError } from '@taawoun/core';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { ASSET_VARIANTS, type AssetVariant, isImageMimeType } from './asset-kind.js';
import { type AssetRow, AssetRepository } from './asset.repository.js';
import { assetVisibility } from './asset-visibility.js';
import { AssetStorage, type StoredObject } from './storage/asset-storage.js';
import { inspectUpload } from './upload/file-inspection.js';

export const ASSET_VARIANTS_JOB = 'assets.variants';
export const CLEAN_UNATTACHED_ASSETS_JOB = 'assets.clean-unattached';
/** Hours an unattached upload is kept before the daily clean-up deletes it. */
export const UNATTACHED_ASSET_HOURS = 24;
/** Uploads the clean-up deletes per run at most (the next run takes the rest). */
export const CLEAN_BATCH = 500;

/** What GET /assets/:key streams. */
export interface ServedAsset {
  asset: AssetRow;
  object: StoredObject;
  contentType: string;
  /** Whether the bytes are the variant asked for (false: the original, the variant not made yet). */
  variantServed: boolean;
}

/** The storage key of an asset's variant. */
export function variantKey(key: string, variant: AssetVariant): string {
  return `${key}.${variant}.webp`;
}

/** Uploads, serving, variants and the clean-up: the file side of assets. */
@Injectable()
export class AssetFilesService {
  constructor(
    private readonly config: AppConfig,
    private readonly db: Db,
    private readonly jobs: Jobs,
    private readonly assets: AssetRepository,
    private readonly storage: AssetStorage,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /**
   * Stores an upload already read within ASSET_MAX_BYTES: inspected (refused with BAD_USER_INPUT
   * on `file`), written to storage, recorded as the actor's, and its variants queued. If recording
   * fails the stored object is removed again.
   */
  async upload(actor: Actor, bytes: Buffer): Promise<AssetRow> {
    const file = await inspectUpload(bytes, { maxPixels: this.config.ASSET_MAX_PIXELS });
    const key = randomBytes(16).toString('hex');
    await this.storage.put(key, file.body, file.mimeType);
    try {
      return await this.db.transaction(async () => {
        const row = await this.assets.insert({
          key,
          ownerId: actor.userId,
          mimeType: file.mimeType,
          byteSize: file.body.length,
          width: file.width,
          height: file.height,
        });
        if (isImageMimeType(row.mimeType)) await this.jobs.send(ASSET_VARIANTS_JOB, { assetId: row.id });
        return row;
      });
    } catch (error) {
      await this.storage.delete([key]).catch(() => undefined);
      throw error;
    }
  }

  /**
   * The bytes of an asset the caller may see (null otherwise, whether or not it exists). A variant
   * not generated yet falls back to the original.
   */
  async open(actor: Actor | null, key: string, variant: AssetVariant | null): Promise<ServedAsset | null> {
    const asset = await this.assets.visibleByKey(key, assetVisibility(actor));
    if (!asset) return null;
    if (variant && asset.variants.includes(variant)) {
      const object = await this.storage.get(variantKey(asset.key, variant));
      if (object) return { asset, object, contentType: 'image/webp', variantServed: true };
    }
    const object = await this.storage.get(asset.key);
    if (!object) return null;
    return { asset, object, contentType: asset.mimeType, variantServed: variant === null };
  }

  /** The variants job: WebP copies fitted inside each variant's square, never enlarged. Idempotent. */
  async generateVariants(assetId: string): Promise<void> {
    const asset = await this.assets.byId(assetId);
    if (!asset || !isImageMimeType(asset.mimeType)) return;
    const wanted = Object.keys(ASSET_VARIANTS) as AssetVariant[];
    if (wanted.every((variant) => asset.variants.includes(variant))) return;
    const original = await this.storage.get(asset.key);
    if (!original) return;
    const bytes = await readAll(original, this.config.ASSET_MAX_BYTES);
    // Imported on first use: sharp (libvips, ~32 MB of RSS) is not loaded by an API that never resizes.
    const { default: sharp } = await import('sharp');
    for (const variant of wanted) {
      const size = ASSET_VARIANTS[variant];
      const body = await sharp(bytes, { limitInputPixels: this.config.ASSET_MAX_PIXELS })
        .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
      await this.storage.put(variantKey(asset.key, variant), body, 'image/webp');
    }
    await this.assets.setVariants(asset.id, wanted);
  }

  /**
   * The daily clean-up: unattached uploads older than a day are deleted with their files, at most
   * {@link CLEAN_BATCH} a run. One that something refers to anyway (a foreign key says so) stays.
   * Answers how many were deleted.
   */
  async cleanUnattached(): Promise<number> {
    const stale = await this.assets.staleUnattached(UNATTACHED_ASSET_HOURS, CLEAN_BATCH);
    let deleted = 0;
    for (const asset of stale) {
      try {
        if (!(await this.assets.deleteUnattached(asset.id))) continue;
      } catch (error) {
        if (pgError(error).code === '23503') continue; // still referenced: keep it
        throw error;
      }
      deleted++;
      const keys = [asset.key, ...asset.variants.map((v) => variantKey(asset.key, v as AssetVariant))];
      await this.storage
        .delete(keys)
        .catch((error: unknown) =>
          this.log.warn({ err: error, assetId: asset.id }, 'asset files left behind'),
        );
    }
    return deleted;
  }
}

/** Reads a stored object whole, refusing more than `max` bytes (a stored original is within it). */
async function readAll(object: StoredObject, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of object.body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buffer.length;
    if (total > max) {
      object.body.destroy();
      throw new Error('A stored asset is larger than ASSET_MAX_BYTES');
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
