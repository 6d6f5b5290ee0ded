import { AssetEntity } from './asset.entity.js';

export * from './asset-kind.js';
export * from './asset.entity.js';
export * from './asset.model.js';
export { AssetService, type AssetTarget, type AssetUseOptions } from './asset.service.js';
export {
  ASSET_COLUMNS,
  ASSET_SQL,
  AssetRepository,
  type AssetRow,
  type BulkAssetRow,
} from './asset.repository.js';
export { assetVisibility, visibleAssetSql, type AssetVisibility } from './asset-visibility.js';
export * from './assets.module.js';

/** The TypeORM entities of this lib, for the data source. */
export const ASSETS_ENTITIES = [AssetEntity];
export {
  ASSET_VARIANTS_JOB,
  AssetFilesService,
  CLEAN_UNATTACHED_ASSETS_JOB,
  UNATTACHED_ASSET_HOURS,
  variantKey,
} from './asset-files.service.js';
export { AssetStorage, isStorageKey, type StoredObject } from './storage/asset-storage.js';
export { LocalAssetStorage } from './storage/local-asset-storage.js';
export type { S3AssetStorage, S3StorageOptions } from './storage/s3-asset-storage.js';
export { inspectUpload, type InspectedFile } from './upload/file-inspection.js';
export { PayloadTooLargeError } from './upload/upload-errors.js';
