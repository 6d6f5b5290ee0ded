import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { isIP } from 'node:net';

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

  /** The worker's HTTP port (GET /health), its own so that the API and the worker can share one environment. */
  @Type(() => Number)
  @Min(0)
  @Max(65535)
  @IsInt()
  WORKER_PORT = 3001;

  /**
   * Which proxies may tell the client's address in X-Forwarded-For: unset (or `false`) trusts
   * none; a comma-separated list of addresses or CIDR ranges trusts those. See {@link parseTrustProxy}.
   */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** In production /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`, and is off without it. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'METRICS_TOKEN must be at least 32 characters' })
  METRICS_TOKEN?: string;

  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Signs pagination cursors (HMAC); unset → a key derived from JWT_SECRET. Same in every replica. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'CURSOR_SECRET must be at least 32 characters' })
  CURSOR_SECRET?: string;

  /**
   * Encrypts stored payout bank details (RIBs, AES-256-GCM); unset → a key derived from JWT_SECRET.
   * Changing it makes stored RIBs unreadable (cooperatives then enter theirs again).
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'PAYOUT_DETAILS_SECRET must be at least 32 characters' })
  PAYOUT_DETAILS_SECRET?: string;

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

  /**
   * Stripe publishable key (`pk_test_…` / `pk_live_…`), given to the web app for Stripe Elements.
   * Card payment shows in the web app only when it and STRIPE_SECRET_KEY are both set.
   */
  @IsOptional()
  @Matches(/^pk_(test|live)_[A-Za-z0-9]{1,200}$/, {
    message: 'STRIPE_PUBLISHABLE_KEY must look like pk_test_… or pk_live_…',
  })
  STRIPE_PUBLISHABLE_KEY?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  STRIPE_API_BASE?: string;

  /** Where uploaded files live: `local` (DATA_DIR/assets) or `s3` (S3-compatible object storage, S3_*). */
  @IsIn(['local', 's3'])
  ASSET_STORAGE: 'local' | 's3' = 'local';

  /** Largest accepted upload, in bytes, enforced while the file arrives (413 past it). */
  @Type(() => Number)
  @Min(1024)
  @Max(1_073_741_824)
  @IsInt()
  ASSET_MAX_BYTES = 10_485_760;

  /** Most pixels (width × height) an uploaded image may declare: refused before decoding (decompression bombs). */
  @Type(() => Number)
  @Min(1)
  @Max(1_000_000_000)
  @IsInt()
  ASSET_MAX_PIXELS = 40_000_000;

  /** Base of the links to assets (`<base>/assets/<key>`), e.g. a CDN in front of the API; default PUBLIC_URL. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  ASSET_BASE_URL?: string;

  /** Uploads one account may make per hour (POST /assets); past it, 429 TOO_MANY_REQUESTS. */
  @Type(() => Number)
  @Min(1)
  @IsInt()
  ASSET_UPLOADS_PER_USER_HOUR = 120;

  /** S3 endpoint for S3-compatible storage (MinIO, R2, ...), e.g. https://s3.example.ma; unset → AWS. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  S3_ENDPOINT?: string;

  /** The bucket holding the assets (required when ASSET_STORAGE=s3). */
  @IsOptional()
  @IsString()
  @MinLength(3)
  S3_BUCKET?: string;

  @IsString()
  @MinLength(1)
  S3_REGION = 'us-east-1';

  /** Credentials; unset → the SDK's default chain (environment, instance role). */
  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** Path-style URLs (endpoint/bucket/key), which most S3-compatible servers need. */
  @Type(() => Boolean)
  @IsBoolean()
  S3_FORCE_PATH_STYLE = true;

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

  /**
   * The shipping fee of each sub-order, in centimes (3000 = 30 MAD), waived when the sub-order's
   * subtotal reaches its cooperative's free-shipping threshold.
   */
  @Type(() => Number)
  @Min(0)
  @Max(10_000_000)
  @IsInt()
  SHIPPING_FLAT_FEE_CENTIMES = 3000;

  @Type(() => Boolean)
  @IsBoolean()
  RUN_JOBS = true;

  /**
   * Benchmark mode (`npm run bench` sets it): the API reports the SQL statements each request
   * cost in the `x-sql-queries` header, also in production. Never set it on a public server: the
   * header tells a client how much work a query costs. The abuse limits are unchanged (the
   * bench's scenarios — catalog reads, guest carts, cash-on-delivery checkout — meet none).
   */
  @Type(() => Boolean)
  @IsBoolean()
  BENCH_MODE = false;

  /**
   * How often (seconds, 0.5 to 60) an idle job runner asks each queue for work; it takes one job
   * per ask, so this also paces how fast a backlog drains per process.
   */
  @Type(() => Number)
  @Min(0.5)
  @Max(60)
  JOB_POLL_INTERVAL_SECONDS = 2;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Folder for local state: embedded PostgreSQL, generated secrets, local assets, mail. */
  @IsString()
  DATA_DIR = '.data';

  /**
   * The built web app (`npm run build` writes it with Vite): the API serves its hashed files under
   * /static/ and its index.html for the app's routes. Relative to the working folder.
   */
  @IsString()
  WEB_DIR = 'dist/web';

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

  /** Most lexical tokens in one GraphQL document: parsing stops there (GRAPHQL_PARSE_FAILED). */
  @Type(() => Number)
  @Min(100)
  @IsInt()
  GRAPHQL_MAX_TOKENS = 5_000;

  /** Size of the TypeORM connection pool of each process. */
  @Type(() => Number)
  @Min(1)
  @IsInt()
  DATABASE_POOL_SIZE = 10;

  /**
   * Longest time one SQL statement of the API may run, in milliseconds (PostgreSQL's
   * statement_timeout on every pooled connection); 0 turns it off. The worker and the
   * command-line tasks (migrations, seed, maintenance) run without it.
   */
  @Type(() => Number)
  @Min(0)
  @IsInt()
  DATABASE_STATEMENT_TIMEOUT_MS = 5000;

  /**
   * The catalog's `products` list counts `totalCount` and `facets` over at most this many
   * matching products: up to it they are exact; above it `totalCount` is this number (a lower
   * bound, `totalCountIsExact: false`) and the facets are counted over the first this-many
   * matches (`facets.countsAreExact: false`). Bounds the work of a broad filter.
   */
  @Type(() => Number)
  @Min(1)
  @Max(1_000_000)
  @IsInt()
  CATALOG_EXACT_COUNT_LIMIT = 1000;

  /**
   * Whether the `products` list reads exact totals and facets from the facet summary (refreshed
   * each minute by the catalog.refresh-facet-summary job) for filters made only of categoryCode,
   * regionCode, certified, womenLed and inStock. Off: those filters take the bounded path above.
   */
  @Type(() => Boolean)
  @IsBoolean()
  CATALOG_FACET_SUMMARY = true;

  /**
   * A search sorted by RELEVANCE reads at most this many matches from the search indexes
   * (the first found), keeps the {@link CATALOG_SEARCH_RANKED} best of them by text rank and
   * orders those by the full relevance: work bounded whatever the number of matches.
   */
  @Type(() => Number)
  @Min(1)
  @Max(100_000)
  @IsInt()
  CATALOG_SEARCH_CANDIDATES = 1000;

  /** How many matches a RELEVANCE search lists at most, in relevance order (see above). */
  @Type(() => Number)
  @Min(1)
  @Max(100_000)
  @IsInt()
  CATALOG_SEARCH_RANKED = 200;

  /**
   * Abuse limits (see README, "Abuse limits"), counted in PostgreSQL so they hold across
   * replicas; per client address as the API sees it (`request.ip`).
   */
  @Type(() => Number)
  @Min(1)
  @IsInt()
  RATE_LIMIT_REGISTER_PER_IP_HOUR = 20;

  @Type(() => Number)
  @Min(1)
  @IsInt()
  RATE_LIMIT_REGISTER_PER_EMAIL_HOUR = 5;

  @Type(() => Number)
  @Min(1)
  @IsInt()
  RATE_LIMIT_LOGIN_PER_IP_MINUTE = 30;

  /** Account e-mails a client can ask for (password reset, verification link). */
  @Type(() => Number)
  @Min(1)
  @IsInt()
  RATE_LIMIT_ACCOUNT_MAIL_PER_IP_HOUR = 20;

  @Type(() => Number)
  @Min(1)
  @IsInt()
  RATE_LIMIT_ACCOUNT_MAIL_PER_EMAIL_HOUR = 3;

  /** Failed logins from one address, across every e-mail, before it is refused (password spraying). */
  @Type(() => Number)
  @Min(1)
  @IsInt()
  LOGIN_FAILURES_PER_IP_HOUR = 30;

  /** Failed logins for one e-mail from all addresses before each further attempt waits (10 s, doubling, at most 5 min). */
  @Type(() => Number)
  @Min(1)
  @IsInt()
  LOGIN_FAILURES_PER_EMAIL_BEFORE_DELAY = 50;

  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://localhost:${this.PORT}`).replace(/\/$/, '');
  }

  /** TRUST_PROXY as Fastify's `trustProxy` option (validated by loadConfig). */
  get trustProxy(): false | string[] {
    const parsed = parseTrustProxy(this.TRUST_PROXY);
    return typeof parsed === 'string' ? false : parsed.value;
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_PROXIES = 64;

/**
 * Reads TRUST_PROXY: unset or `false` trusts no proxy; otherwise a comma-separated list of
 * IPv4/IPv6 addresses, CIDR ranges, or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`.
 * No hop count and no `true`: Fastify 5 ignores hop counts (it cannot tell who the peer is), and
 * trusting every peer would let any client choose its address. Returns the value or a message
 * naming the variable.
 */
export function parseTrustProxy(raw: string | undefined): { value: false | string[] } | string {
  const text = (raw ?? '').trim();
  if (text === '' || text === 'false') return { value: false };
  const entries = text.split(',').map((entry) => entry.trim());
  if (entries.length > MAX_PROXIES) return `TRUST_PROXY lists more than ${MAX_PROXIES} proxies`;
  for (const entry of entries) {
    if (!isProxyAddress(entry)) {
      return `TRUST_PROXY must be "false" or a comma-separated list of proxy addresses or CIDR ranges (bad entry: "${entry}")`;
    }
  }
  return { value: entries };
}

function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const slash = entry.indexOf('/');
  const address = slash === -1 ? entry : entry.slice(0, slash);
  const family = isIP(address);
  if (family === 0) return false;
  if (slash === -1) return true;
  const bits = entry.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}
