import { Injectable } from '@nestjs/common';
import { type Actor, AppConfig, BadUserInputError, isAdmin, RequestContext } from '@taawoun/core';
import {
  type AssetKind,
  type AssetVariant,
  IMAGE_ASSET_KINDS,
  isImageMimeType,
  PUBLIC_ASSET_KINDS,
} from './asset-kind.js';
import type { AssetModel } from './asset.model.js';
import { type AssetRow, AssetRepository } from './asset.repository.js';
import { assetVisibility } from './asset-visibility.js';

/** Where an asset is being attached: the cooperative that will own it and what it will be. */
export interface AssetTarget {
  cooperativeId: string;
  kind: AssetKind;
}

/** How {@link AssetService.assertUsable} names and narrows its check. */
export interface AssetUseOptions {
  /** The domain field named in errors (e.g. `imageAssetIds`); default `assetIds`. */
  field?: string;
  /** The kind it will be attached as: image kinds refuse PDFs. */
  kind?: AssetKind;
  /** The cooperative it will be attached to: an asset of another cooperative is refused. */
  cooperativeId?: string;
}

/**
 * Assets for the other libs: who may use an upload, attaching it to a cooperative, URLs.
 * An actor may use its own uploads, the assets attached to its cooperatives, and admins any.
 */
@Injectable()
export class AssetService {
  constructor(
    private readonly config: AppConfig,
    private readonly assets: AssetRepository,
  ) {}

  /** The URL of an asset (or of one of its variants) by storage key. */
  publicUrl(key: string, variant?: AssetVariant): string {
    const base = `${this.config.publicUrl}/assets/${encodeURIComponent(key)}`;
    return variant ? `${base}?variant=${variant}` : base;
  }

  toModel(row: AssetRow): AssetModel {
    return {
      id: row.id,
      url: this.publicUrl(row.key),
      mimeType: row.mimeType,
      width: row.width,
      height: row.height,
      thumbnailUrl: row.variants.includes('thumbnail') ? this.publicUrl(row.key, 'thumbnail') : null,
    };
  }

  /**
   * Refuses (BAD_USER_INPUT on `options.field`, nothing changed) unless every id is an asset the
   * actor may attach: its own upload, one attached to a cooperative it works for, or any for
   * admins; of the right type for `options.kind`; not attached to another cooperative than
   * `options.cooperativeId`. A missing id and another user's private file get the same answer.
   */
  async assertUsable(
    actor: Actor,
    assetIds: readonly string[],
    options: AssetUseOptions = {},
  ): Promise<void> {
    const field = options.field ?? 'assetIds';
    const ids = [...new Set(assetIds)];
    if (!ids.length) return;
    const rows = new Map((await this.assets.byIds(ids)).map((row) => [row.id, row]));
    const admin = isAdmin(actor);
    for (const id of ids) {
      const row = rows.get(id);
      const mine =
        !!row &&
        (admin ||
          row.ownerId === actor.userId ||
          (row.cooperativeId !== null && actor.memberships.has(row.cooperativeId)));
      if (!row || !mine) throw BadUserInputError.field(field, `${id} is not an upload you may use`);
      if (options.cooperativeId && row.cooperativeId && row.cooperativeId !== options.cooperativeId)
        throw BadUserInputError.field(field, `${id} belongs to another cooperative`);
      if (options.kind && IMAGE_ASSET_KINDS.has(options.kind) && !isImageMimeType(row.mimeType))
        throw BadUserInputError.field(field, `${id} is not an image`);
    }
  }

  /**
   * Attaches assets to a cooperative as `target.kind` (public kinds make them public). Call after
   * {@link assertUsable}, in the same transaction as the row that refers to them. An asset already
   * attached to another cooperative is refused.
   */
  async attach(assetId: string | readonly string[], target: AssetTarget, field = 'assetIds'): Promise<void> {
    const ids = [...new Set(typeof assetId === 'string' ? [assetId] : assetId)];
    if (!ids.length) return;
    const attached = await this.assets.attach(
      ids,
      target.cooperativeId,
      target.kind,
      PUBLIC_ASSET_KINDS.has(target.kind),
    );
    if (attached !== ids.length)
      throw BadUserInputError.field(field, 'lists an asset of another cooperative or no asset');
  }

  /** The assets the current caller may see, by id, in the order asked (null where not visible). */
  async visibleByIds(ids: readonly string[]): Promise<(AssetModel | null)[]> {
    const visibility = assetVisibility(RequestContext.current()?.actor);
    const rows = new Map((await this.assets.visibleByIds(ids, visibility)).map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = rows.get(id);
      return row ? this.toModel(row) : null;
    });
  }

  /** Batches {@link visibleByIds} over the request: one query per page of products. */
  load(id: string): Promise<AssetModel | null> {
    const rc = RequestContext.current();
    if (!rc) return this.visibleByIds([id]).then(([model]) => model);
    return rc.loaders.get<string, AssetModel | null>('assets.byId', (ids) => this.visibleByIds(ids)).load(id);
  }
}
