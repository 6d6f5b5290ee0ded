import type { AppConfig } from '@taawoun/core';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

/** What the generators (`--statistics`, `--products N`) get. */
export interface SeedContext {
  dataSource: DataSource;
  config: AppConfig;
  logger: Logger;
  /** Lines printed at the end. */
  report: string[];
}
