import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * First path segments that belong to the API (or to the web's hashed files): an unknown path
 * under them keeps its 404 rather than getting the app's index.html.
 */
export const API_PATH_PREFIXES = [
  'graphql',
  'graphiql',
  'assets',
  'health',
  'metrics',
  'webhooks',
  'static',
] as const;

function firstSegment(url: string): string {
  const end = url.length;
  let stop = end;
  for (let i = 1; i < end; i++) {
    const c = url[i];
    if (c === '/' || c === '?' || c === '#') {
      stop = i;
      break;
    }
  }
  return url.slice(1, stop);
}

/** Whether a GET is for a page of the web app: a browser asking for HTML on a non-API path. */
export function isAppRoute(request: FastifyRequest): boolean {
  if (!(request.headers.accept ?? '').includes('text/html')) return false;
  return !(API_PATH_PREFIXES as readonly string[]).includes(firstSegment(request.url));
}

/**
 * Serves the built web app (Vite's output in `dir`): `/static/*` hashed files cached for a year
 * (`immutable`, Brotli or gzip copies when the browser accepts them), and `index.html` (never cached, so a deploy is seen at once) for any other GET
 * a browser makes for a page, so that shared URLs like /products/<slug> open the app. Other
 * requests (API clients, unknown API paths) keep their 404.
 */
export async function registerWebApp(fastify: FastifyInstance, dir: string): Promise<void> {
  const root = path.resolve(dir);
  await fastify.register(fastifyStatic, {
    root: path.join(root, 'static'),
    prefix: '/static/',
    decorateReply: false,
    index: false,
    immutable: true,
    maxAge: 31_536_000_000,
    // Vite's build writes .br and .gz copies (apps/web/vite.config.ts): sent when accepted.
    preCompressed: true,
  });
  const index = path.join(root, 'index.html');
  fastify.get('/*', async (request, reply) => {
    if (!isAppRoute(request)) return reply.status(404).send({ message: 'Not found' });
    let html: Buffer;
    try {
      html = await readFile(index);
    } catch {
      return reply
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built: run `npm run build` (or `npm run web:build`).');
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
}
