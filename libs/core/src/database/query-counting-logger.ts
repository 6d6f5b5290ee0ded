import type { Logger as PinoLogger } from 'pino';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { RequestContext } from '../context/request-context.js';

/**
 * TypeORM logger that counts every SQL statement against the current request (tests and the
 * `x-sql-queries` header read the count) and sends slow queries and errors to pino.
 */
export class QueryCountingLogger implements TypeOrmLogger {
  constructor(private readonly pino: PinoLogger) {}

  logQuery(): void {
    const context = RequestContext.current();
    if (context) context.queryCount += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    this.logQuery();
    this.pino.debug({ err: error, query }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.pino.warn({ ms: time, query: query.slice(0, 500) }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.pino.debug(message);
  }

  logMigration(message: string): void {
    this.pino.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.pino.warn(String(message));
    else this.pino.debug(String(message));
  }
}
