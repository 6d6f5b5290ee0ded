import { AsyncLocalStorage } from 'node:async_hooks';
import { UnauthenticatedError } from '../errors/domain-error.js';
import type { Actor } from './actor.js';
import { RequestLoaders } from './request-loaders.js';

/**
 * What one request carries through resolvers, services and the database layer: who calls,
 * its per-request DataLoaders and a count of SQL queries.
 */
export class RequestContext {
  actor: Actor | null = null;
  /** Set when the caller sent a token; lets guards tell "anonymous" from "bad token". */
  authError: Error | null = null;
  readonly loaders = new RequestLoaders();
  queryCount = 0;

  constructor(
    readonly requestId: string,
    readonly ip: string | null = null,
    readonly authorization: string | null = null,
  ) {}

  requireActor(): Actor {
    if (!this.actor) throw this.authError ?? new UnauthenticatedError();
    return this.actor;
  }

  private static readonly storage = new AsyncLocalStorage<RequestContext>();

  /** The context of the request being served, or null outside one (jobs, scripts). */
  static current(): RequestContext | null {
    return RequestContext.storage.getStore() ?? null;
  }

  static run<T>(context: RequestContext, fn: () => T): T {
    return RequestContext.storage.run(context, fn);
  }
}
