import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Db } from '../database/db.service.js';

/** `GET /health`: 200 when the database answers, 503 otherwise. For load balancers and orchestrators. */
@Controller('health')
export class HealthController {
  constructor(private readonly db: Db) {}

  @Get()
  @HttpCode(HttpStatus.OK)
  async health(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: string; database: string }> {
    try {
      await this.db.ping();
      return { status: 'ok', database: 'up' };
    } catch {
      void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', database: 'down' };
    }
  }
}
