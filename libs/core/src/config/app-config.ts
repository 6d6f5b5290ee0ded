import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Every setting of the platform, read once from the environment (see README, "Configuration").
 * Property names are the environment variable names, so a validation message names the variable.
 */
export class AppConfig {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @Type(() => Number)
  @Min(0)
  @Max(65535)
  @IsInt()
  PORT = 3000;

  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** The external base URL; defaults to http://localhost:PORT. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL?: string;

  @IsOptional()
  @IsString()
  STRIPE_SECRET_KEY?: string;

  @IsOptional()
  @IsString()
  STRIPE_WEBHOOK_SECRET?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  STRIPE_API_BASE?: string;

  @IsIn(['local', 's3'])
  ASSET_STORAGE: 'local' | 's3' = 'local';

  /** SMTP server for e-mail, e.g. smtp://user:pass@mail.example.ma:587; unset → .eml files under DATA_DIR/mail. */
  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true })
  SMTP_URL?: string;

  /** The From of every e-mail. */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Taawoun <no-reply@taawoun.ma>';

  @Type(() => Number)
  @Min(1)
  @IsInt()
  CARD_HOLD_MINUTES = 30;

  @Type(() => Number)
  @Min(0)
  @IsInt()
  PAYOUT_HOLD_DAYS = 7;

  @Type(() => Number)
  @Min(0)
  @Max(10000)
  @IsInt()
  COMMISSION_BPS = 500;

  @Type(() => Boolean)
  @IsBoolean()
  RUN_JOBS = true;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Folder for local state: embedded PostgreSQL, generated secrets, local assets, mail. */
  @IsString()
  DATA_DIR = '.data';

  /** Largest accepted HTTP request body, in bytes (GraphQL and JSON). */
  @Type(() => Number)
  @Min(1024)
  @IsInt()
  BODY_LIMIT_BYTES = 1_048_576;

  /** GraphQL limits: deepest selection, highest estimated cost, most aliases in one document. */
  @Type(() => Number)
  @Min(1)
  @IsInt()
  GRAPHQL_MAX_DEPTH = 10;

  @Type(() => Number)
  @Min(1)
  @IsInt()
  GRAPHQL_MAX_COST = 50_000;

  @Type(() => Number)
  @Min(1)
  @IsInt()
  GRAPHQL_MAX_ALIASES = 30;

  /** Size of the TypeORM connection pool of each process. */
  @Type(() => Number)
  @Min(1)
  @IsInt()
  DATABASE_POOL_SIZE = 10;

  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://localhost:${this.PORT}`).replace(/\/$/, '');
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}
