import type { FastifyInstance } from 'fastify';
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
