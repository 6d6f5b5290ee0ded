import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../context/request-context.js';

/**
 * Gives every request its {@link RequestContext} for the whole async call tree (the same
 * technique as @fastify/request-context), and outside production reports the number of SQL
 * queries it cost in `x-sql-queries` (the query-count tests read it).
 */
export function registerRequestContext(fastify: FastifyInstance, exposeQueryCount: boolean): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const context = new RequestContext(request.id, request.ip, request.headers.authorization ?? null);
    request.rc = context;
    void reply.header('x-request-id', request.id);
    RequestContext.run(context, done);
  });
  if (exposeQueryCount) {
    fastify.addHook('onSend', (request, reply, payload, done) => {
      if (request.rc) void reply.header('x-sql-queries', String(request.rc.queryCount));
      done(null, payload);
    });
  }
}

/**
 * One log line per request, as its answer is sent (Fastify's own request logging, turned off in
 * createApi, writes two: one on arrival and one on completion): what was asked, by whom, the
 * status and the time taken. Half the log writes of the hottest path. Written before the answer
 * leaves, so the line is there when the client has its answer.
 */
export function registerRequestLog(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    // Fastify's serializers turn these into { method, url, host, remoteAddress, remotePort } and { statusCode }.
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    done(null, payload);
  });
}

const MAX_REQUEST_ID_LENGTH = 64;

/**
 * The request id: the client's `x-request-id` when it is 1..64 characters of [A-Za-z0-9._-]
 * (checked character by character, so the cost is bounded by the length cap), else a new UUID.
 */
export function requestIdOf(header: string | string[] | undefined): string {
  if (typeof header === 'string' && isWellFormedRequestId(header)) return header;
  return randomUUID();
}

function isWellFormedRequestId(id: string): boolean {
  if (id.length === 0 || id.length > MAX_REQUEST_ID_LENGTH) return false;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    const ok =
      (c >= 48 && c <= 57) || // 0-9
      (c >= 65 && c <= 90) || // A-Z
      (c >= 97 && c <= 122) || // a-z
      c === 45 || // -
      c === 46 || // .
      c === 95; // _
    if (!ok) return false;
  }
  return true;
}
