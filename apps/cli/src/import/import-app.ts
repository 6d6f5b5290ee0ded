import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, PinoNestLogger } from '@taawoun/core';
import type { Logger } from 'pino';
import { AppModule } from '../../../api/src/app.module.js';
import { ENTITIES, MIGRATIONS } from '../../../api/src/orm.js';

/**
 * Runs `work` with the platform's services over `databaseUrl`: the application as the worker
 * builds it (no GraphQL, no HTTP), with no job handlers running in this process, so whatever the
 * services enqueue waits for the worker.
 */
export async function withServices<T>(
  config: AppConfig,
  databaseUrl: string,
  logger: Logger,
  work: (app: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const quiet = Object.assign(Object.create(AppConfig.prototype) as AppConfig, config, { RUN_JOBS: false });
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({
      config: quiet,
      databaseUrl,
      entities: ENTITIES,
      migrations: MIGRATIONS,
      logger,
      role: 'worker',
    }),
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
