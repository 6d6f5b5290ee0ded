import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver } from '@nestjs/mercurius';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { AppConfig } from './config/app-config.js';
import { databaseOptions, type EntityList, type MigrationList } from './database/database-options.js';
import { Db } from './database/db.service.js';
import { GraphqlExceptionFilter } from './errors/graphql-exception.filter.js';
import { InputValidationPipe } from './errors/input-validation.pipe.js';
import { DirectFieldResolvers } from './graphql/direct-field-resolvers.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { HealthController } from './http/health.controller.js';
import { MetricsController } from './http/metrics.js';
import { Jobs } from './jobs/jobs.service.js';
import { LOGGER } from './logging/logger.token.js';
import { Cursors } from './pagination/cursor.js';
import { cursorKey } from './pagination/cursor-key.js';
import { RateLimitRepository } from './rate-limit/rate-limit.repository.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';

export { LOGGER } from './logging/logger.token.js';

export interface CoreModuleOptions {
  config: AppConfig;
  /** The database to use (resolved before the app starts, see resolveDatabase). */
  databaseUrl: string;
  entities: EntityList;
  migrations: MigrationList;
  logger: Logger;
  /** `api` serves GraphQL, /health and /metrics; `worker` only runs jobs and answers /health. */
  role?: 'api' | 'worker';
}

/** Injection token of the process's role (`api` or `worker`), for libs that serve HTTP routes of their own. */
export const PROCESS_ROLE = Symbol('PROCESS_ROLE');

/**
 * Configuration, database, GraphQL server, validation, health and metrics: what every
 * process of the platform shares. Imported once, by the app module.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    const { config } = options;
    const api = (options.role ?? 'api') === 'api';
    const directResolvers = new DirectFieldResolvers();
    return {
      module: CoreModule,
      imports: [
        TypeOrmModule.forRoot(
          databaseOptions(
            config,
            options.databaseUrl,
            options.entities,
            options.migrations,
            options.logger,
            // Client requests are bounded; the worker's jobs and maintenance are not.
            api ? config.DATABASE_STATEMENT_TIMEOUT_MS : 0,
          ),
        ),
        ...(api
          ? [GraphQLModule.forRoot({ driver: MercuriusDriver, ...graphqlOptions(config, directResolvers) })]
          : []),
      ],
      controllers: api ? [HealthController, MetricsController] : [HealthController],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: LOGGER, useValue: options.logger },
        { provide: PROCESS_ROLE, useValue: options.role ?? 'api' },
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
        { provide: Cursors, useValue: new Cursors(cursorKey(config)) },
        { provide: DirectFieldResolvers, useValue: directResolvers },
        Db,
        Jobs,
        RateLimitRepository,
        RateLimiter,
      ],
      exports: [AppConfig, LOGGER, PROCESS_ROLE, Db, Jobs, Cursors, RateLimiter, DirectFieldResolvers],
    };
  }
}
