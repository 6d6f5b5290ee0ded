import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { AppConfig, parseTrustProxy } from './app-config.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const BOOLEAN_KEYS = new Set(['RUN_JOBS', 'S3_FORCE_PATH_STYLE', 'BENCH_MODE', 'CATALOG_FACET_SUMMARY']);

/**
 * Reads the environment into a validated {@link AppConfig}. Empty strings count as unset.
 * Throws a {@link ConfigError} naming every bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const plain: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    if (BOOLEAN_KEYS.has(key)) {
      if (value !== 'true' && value !== 'false') {
        problems.push(`${key} must be "true" or "false" (got "${value}")`);
        continue;
      }
      plain[key] = value === 'true';
      continue;
    }
    plain[key] = value;
  }
  const config = plainToInstance(AppConfig, plain, { excludeExtraneousValues: false });
  if (env.RUN_JOBS === undefined || env.RUN_JOBS === '') config.RUN_JOBS = config.NODE_ENV !== 'production';
  problems.push(...flatten(validateSync(config, { forbidUnknownValues: false, stopAtFirstError: true })));
  const trustProxy = parseTrustProxy(config.TRUST_PROXY);
  if (typeof trustProxy === 'string') problems.push(trustProxy);
  if (config.ASSET_STORAGE === 's3' && !config.S3_BUCKET)
    problems.push('S3_BUCKET is required when ASSET_STORAGE=s3');
  if (!config.S3_ACCESS_KEY_ID !== !config.S3_SECRET_ACCESS_KEY)
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all');
  if (config.isProduction) {
    if (!config.JWT_SECRET) problems.push('JWT_SECRET is required when NODE_ENV=production');
    if (!config.DATABASE_URL) problems.push('DATABASE_URL is required when NODE_ENV=production');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function flatten(errors: ValidationError[]): string[] {
  return errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
}

/**
 * {@link loadConfig} for a process entry point: a bad value prints every problem, naming each
 * variable, and exits with EX_CONFIG (78) instead of a stack trace.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
}
