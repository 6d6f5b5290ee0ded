import pg from 'pg';
import type { Logger } from 'pino';
import { loadConfig } from '@taawoun/core';
import { createApi, type RunningApi } from '../../apps/api/src/create-api.js';
import { createTestDatabase } from './test-database.js';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }[];
}

export interface TestApi {
  url: string;
  databaseUrl: string;
  api: RunningApi;
  /** Runs SQL directly on this file's database (fixtures and assertions on stored rows). */
  sql<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** POSTs a GraphQL document over real HTTP. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

/**
 * The real API on a random port over its own database cloned from the migrated template.
 * `env` overrides configuration for this file (e.g. a second instance on the same database).
 */
export async function startTestApi(
  env: Record<string, string> = {},
  databaseUrl?: string,
  role: 'api' | 'worker' = 'api',
  /** Another logger than LOG_LEVEL's, e.g. one writing to memory so a test can read the log. */
  logger?: Logger,
): Promise<TestApi> {
  const database = databaseUrl ? null : await createTestDatabase();
  const url = databaseUrl ?? database!.url;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    WORKER_PORT: '0',
    DATA_DIR: '.data/test',
    RUN_JOBS: 'false',
    // Every test file signs up and logs in from 127.0.0.1, and some race registrations of one
    // e-mail: these rate limits are out of the way unless a file sets them
    // (test/abuse-limits.e2e-spec.ts); the login failure rules per e-mail stay as shipped.
    RATE_LIMIT_REGISTER_PER_IP_HOUR: '1000000',
    RATE_LIMIT_REGISTER_PER_EMAIL_HOUR: '1000000',
    RATE_LIMIT_LOGIN_PER_IP_MINUTE: '1000000',
    RATE_LIMIT_ACCOUNT_MAIL_PER_IP_HOUR: '1000000',
    LOGIN_FAILURES_PER_IP_HOUR: '1000000',
    ...env,
    DATABASE_URL: url,
  });
  const api = await createApi(config, { host: '127.0.0.1', role, logger });
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    url: api.url,
    databaseUrl: url,
    api,
    gql: async (query, variables, token) => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphqlResponse, 'status' | 'headers'>;
      return {
        status: response.status,
        headers: response.headers,
        data: body.data ?? null,
        errors: body.errors,
      } as never;
    },
    sql: async (text, params) => (await pool.query(text, params)).rows,
    close: async () => {
      await pool.end();
      await api.close();
      await database?.drop();
    },
  };
}
