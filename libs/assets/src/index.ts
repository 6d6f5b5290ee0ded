import { AssetEntity } from './asset.entity.js';

export * from './asset-kind.js';
export * from './asset.entity.js';
export * from './asset.model.js';
export { AssetService, type AssetTarget, type AssetUseOptions } from './asset.service.js';
export { ASSET_SQL, AssetRepository, type AssetRow } from './asset.repository.js';
export { assetVisibility, visibleAssetSql, type AssetVisibility } from './asset-visibility.js';
export * from './assets.module.js';

/** The TypeORM entities of this lib, for the data source. */
export const ASSETS_ENTITIES = [AssetEntity];
