import { request } from 'node:http';
import type { GraphqlResponse, TestApi } from './test-api.js';

/**
 * POSTs a GraphQL document over real HTTP from a chosen loopback address (127.0.0.2, 127.0.0.3,
 * ...): the whole 127/8 block is local on Linux, so the API sees a different `request.ip` per
 * address without trusting any forwarding header.
 */
export function gqlFrom<T = Record<string, unknown>>(
  t: TestApi,
  localAddress: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlResponse<T>> {
  const url = new URL('/graphql', t.url);
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<
              GraphqlResponse<T>,
              'status' | 'headers'
            >;
            const headers = new Headers();
            for (const [name, value] of Object.entries(res.headers))
              if (typeof value === 'string') headers.set(name, value);
            resolve({
              status: res.statusCode ?? 0,
              headers,
              data: parsed.data ?? null,
              errors: parsed.errors,
            });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
