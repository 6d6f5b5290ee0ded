import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RequestContext, isAdmin } from '@taawoun/core';

export interface PayoutRouteDeps {
  /** Resolves the request's bearer token into `rc.actor` (identity's ActorService). */
  resolveActor(rc: RequestContext): Promise<void>;
  pendingBankCsv(): Promise<string>;
}

function contextOf(request: FastifyRequest): RequestContext {
  return request.rc ?? RequestContext.current() ?? new RequestContext(request.id, request.ip, null);
}

/** GET /admin/payouts.csv: the pending bank payouts for the bank, with the admin's bearer token. */
export function payoutRoutes(fastify: FastifyInstance, deps: PayoutRouteDeps): Promise<void> {
  fastify.get('/admin/payouts.csv', async (request, reply) => {
    const rc = contextOf(request);
    try {
      await deps.resolveActor(rc);
    } catch {
      rc.actor = null;
    }
    const error = (status: number, code: string, message: string) =>
      reply.code(status).send({ errors: [{ message, extensions: { code } }] });
    if (!rc.actor) return error(401, 'UNAUTHENTICATED', 'You must be signed in');
    if (!isAdmin(rc.actor)) return error(403, 'FORBIDDEN', 'You are not allowed to do this');
    const csv = await deps.pendingBankCsv();
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="payouts.csv"')
      .header('cache-control', 'no-store')
      .send(csv);
  });
  return Promise.resolve();
}
