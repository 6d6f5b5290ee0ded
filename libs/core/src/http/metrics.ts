import { Controller, Get, Headers, Res } from '@nestjs/common';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { AppConfig } from '../config/app-config.js';

/** One Prometheus registry per process: default Node metrics plus HTTP and GraphQL timings. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const graphqlErrors = new Counter({
  name: 'graphql_errors_total',
  help: 'GraphQL errors by code',
  labelNames: ['code'] as const,
  registers: [metricsRegistry],
});

/** Times every request by its route pattern (never the raw URL, to keep label cardinality bounded). */
export function instrumentHttp(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}

/**
 * `GET /metrics` in the Prometheus text format. With METRICS_TOKEN set it answers only
 * `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise); in production without METRICS_TOKEN
 * it is off (404), outside production it is then open.
 */
@Controller('metrics')
export class MetricsController {
  private readonly tokenDigest: Buffer | null;

  constructor(private readonly config: AppConfig) {
    this.tokenDigest = config.METRICS_TOKEN ? digest(config.METRICS_TOKEN) : null;
  }

  @Get()
  async metrics(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    void reply.header('content-type', 'text/plain; charset=utf-8');
    if (!this.tokenDigest) {
      if (this.config.isProduction) {
        void reply.status(404);
        return 'Not Found';
      }
    } else if (!this.authorized(authorization)) {
      void reply.status(401).header('www-authenticate', 'Bearer');
      return 'Unauthorized';
    }
    void reply.header('content-type', 'text/plain; version=0.0.4; charset=utf-8');
    return metricsRegistry.metrics();
  }

  /** Compares digests of equal length in constant time, so the answer time tells nothing of the token. */
  private authorized(authorization: string | undefined): boolean {
    const prefix = 'Bearer ';
    if (!authorization?.startsWith(prefix)) return false;
    return timingSafeEqual(digest(authorization.slice(prefix.length)), this.tokenDigest!);
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
