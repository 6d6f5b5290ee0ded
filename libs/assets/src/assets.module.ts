import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig, Jobs, LOGGER } from '@taawoun/core';
import { ActorService } from '@taawoun/identity';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { ASSET_VARIANTS_JOB, AssetFilesService, CLEAN_UNATTACHED_ASSETS_JOB } from './asset-files.service.js';
import { AssetRepository } from './asset.repository.js';
import { AssetService } from './asset.service.js';
import { AssetStorage } from './storage/asset-storage.js';
import { assetRoutes } from './http/asset-routes.js';
import { ASSET_STORAGE_PROVIDER } from './storage/storage.provider.js';

/** Uploaded files: POST /assets, GET /assets/:key, storage drivers, variants, and AssetService for other libs. */
@Module({
  providers: [AssetRepository, AssetService, AssetFilesService, ASSET_STORAGE_PROVIDER],
  exports: [AssetService, AssetFilesService, AssetStorage],
})
export class AssetsModule implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly jobs: Jobs,
    private readonly files: AssetFilesService,
    private readonly assets: AssetService,
    private readonly actors: ActorService,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register<{ assetId: string }>(ASSET_VARIANTS_JOB, async ({ assetId }) => {
      await this.files.generateVariants(assetId);
    });
    await this.jobs.register(
      CLEAN_UNATTACHED_ASSETS_JOB,
      async () => {
        await this.files.cleanUnattached();
      },
      { cron: '20 4 * * *' },
    );
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return; // scripts build the module without an HTTP server
    await fastify.register(assetRoutes, {
      files: this.files,
      assets: this.assets,
      resolveActor: (rc) => this.actors.ensureResolved(rc),
      maxBytes: this.config.ASSET_MAX_BYTES,
      log: this.log,
    });
  }
}
