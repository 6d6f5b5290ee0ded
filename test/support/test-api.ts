import pg from 'pg';
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
    ...env,
    DATABASE_URL: url,
  });
  const api = await createApi(config, { host: '127.0.0.1', role });
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
