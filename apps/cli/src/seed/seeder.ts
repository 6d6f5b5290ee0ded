import type { AppConfig } from '@taawoun/core';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

export interface SeedContext {
  dataSource: DataSource;
  config: AppConfig;
  logger: Logger;
  /** Lines printed at the end (demo logins and the like). */
  report: string[];
}

/**
 * One domain's demo data. Must be idempotent: running the seed twice changes nothing
 * (stable natural keys such as e-mails, registration numbers, slugs and SKUs, with
 * ON CONFLICT DO NOTHING or a lookup first).
 */
export interface Seeder {
  name: string;
  run(context: SeedContext): Promise<void>;
}
