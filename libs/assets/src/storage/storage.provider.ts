import type { Provider } from '@nestjs/common';
import { AppConfig } from '@taawoun/core';
import { join } from 'node:path';
import { AssetStorage } from './asset-storage.js';
import { LocalAssetStorage } from './local-asset-storage.js';

/**
 * The configured driver: ASSET_STORAGE=local (DATA_DIR/assets) or s3 (S3_*). The S3 driver (and
 * the AWS SDK, ~24 MB of RSS) is imported only when configured.
 */
export async function createAssetStorage(config: AppConfig): Promise<AssetStorage> {
  if (config.ASSET_STORAGE === 's3') {
    if (!config.S3_BUCKET) throw new Error('S3_BUCKET is required when ASSET_STORAGE=s3');
    const { S3AssetStorage } = await import('./s3-asset-storage.js');
    return new S3AssetStorage({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    });
  }
  return new LocalAssetStorage(join(config.DATA_DIR, 'assets'));
}

export const ASSET_STORAGE_PROVIDER: Provider = {
  provide: AssetStorage,
  inject: [AppConfig],
  useFactory: createAssetStorage,
};
