import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'dotenv';

/**
 * The process environment, plus a `.env` file outside production (variables already set win).
 * In production, configuration comes only from real environment variables.
 */
export function environment(env: NodeJS.ProcessEnv = process.env, file = '.env'): NodeJS.ProcessEnv {
  if (env.NODE_ENV === 'production' || !existsSync(file)) return env;
  return { ...parse(readFileSync(file)), ...env };
}
