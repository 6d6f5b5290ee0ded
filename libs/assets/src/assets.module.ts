import { Module } from '@nestjs/common';
import { AssetRepository } from './asset.repository.js';
import { AssetService } from './asset.service.js';

/** Uploaded files: POST /assets, GET /assets/:key, storage drivers, variants, and AssetService for other libs. */
@Module({
  providers: [AssetRepository, AssetService],
  exports: [AssetService],
})
export class AssetsModule {}
