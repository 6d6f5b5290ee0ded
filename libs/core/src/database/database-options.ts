import type { Logger as PinoLogger } from 'pino';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { QueryCountingLogger } from './query-counting-logger.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type MigrationList = MixedList<Function | string>;

/**
 * TypeORM options for one process. The schema only ever changes through migrations: never
 * `synchronize`. Pending migrations run at start outside production.
 *
 * `statementTimeoutMs` (0: none) becomes PostgreSQL's `statement_timeout` on every pooled
 * connection, sent by `pg` when it connects: the API passes DATABASE_STATEMENT_TIMEOUT_MS, so
 * no client request holds a connection longer; the worker and command-line tasks pass 0.
 */
export function databaseOptions(
  config: AppConfig,
  url: string,
  entities: EntityList,
  migrations: MigrationList,
  log: PinoLogger,
  statementTimeoutMs = 0,
): DataSourceOptions {
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url,
    entities,
    migrations,
    migrationsRun: !config.isProduction,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: true,
    logger: new QueryCountingLogger(log),
    maxQueryExecutionTime: 500,
    extra: {
      max: config.DATABASE_POOL_SIZE,
      application_name: 'taawoun',
      ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
    },
  };
}
