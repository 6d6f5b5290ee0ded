import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  type AppConfig,
  createLogger,
  instrumentHttp,
  PinoNestLogger,
  registerGraphiql,
  registerRequestContext,
  registerRequestLog,
  registerWebApp,
  requestIdOf,
  resolveDatabase,
} from '@taawoun/core';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { ENTITIES, MIGRATIONS } from './orm.js';

export interface RunningApi {
  app: NestFastifyApplication;
  /** The base URL the server listens on, e.g. http://127.0.0.1:3000 */
  url: string;
  logger: Logger;
  /** Closes the server, its connections, and the embedded database it started, if any. */
  close(): Promise<void>;
}

/**
 * Builds and starts the API: resolves the database (embedded when DATABASE_URL is unset),
 * runs pending migrations outside production, and listens on `config.PORT` (the worker on
 * `config.WORKER_PORT`; 0 picks a free port).
 */
export async function createApi(
  config: AppConfig,
  options: { logger?: Logger; host?: string; role?: 'api' | 'worker' } = {},
): Promise<RunningApi> {
  const role = options.role ?? 'api';
  const logger = options.logger ?? createLogger(config);
  const database = await resolveDatabase(config, logger);
  try {
    const adapter = new FastifyAdapter({
      loggerInstance: logger,
      bodyLimit: config.BODY_LIMIT_BYTES,
      // The client's x-request-id only when short and well-formed (requestIdOf), else a new one.
      requestIdHeader: false,
      genReqId: (request: { headers: Record<string, string | string[] | undefined> }) =>
        requestIdOf(request.headers['x-request-id']),
      trustProxy: config.trustProxy,
      // One line per request instead of Fastify's two (registerRequestLog).
      disableRequestLogging: true,
    });
    const fastify = adapter.getInstance();
    registerRequestContext(fastify, !config.isProduction || config.BENCH_MODE);
    if (config.BENCH_MODE)
      logger.warn('BENCH_MODE is on: every response tells its SQL statement count (x-sql-queries)');
    registerRequestLog(fastify);
    instrumentHttp(fastify);
    if (role === 'api' && !config.isProduction) registerGraphiql(fastify);
    if (role === 'api') await registerWebApp(fastify, config.WEB_DIR);

    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot({
        config,
        databaseUrl: database.url,
        entities: ENTITIES,
        migrations: MIGRATIONS,
        logger,
        role,
      }),
      adapter,
      { logger: new PinoNestLogger(logger), abortOnError: false },
    );
    const listenPort = role === 'worker' ? config.WORKER_PORT : config.PORT;
    await app.listen({ port: listenPort, host: options.host ?? '0.0.0.0' });
    const address = fastify.server.address();
    const port = typeof address === 'object' && address ? address.port : listenPort;
    return {
      app,
      url: `http://127.0.0.1:${port}`,
      logger,
      close: async () => {
        await app.close();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
