import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

/** Records admin actions in `audit_log` (AuditLogEntity); call it inside the transaction of the action so both commit together. */
@Injectable()
export class AuditLogService {
  constructor(private readonly db: Db) {}

  async record(
    actorId: string,
    action: string,
    target: { type: string; id: string },
    data: Record<string, unknown> = {},
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_id, action, target_type, target_id, data) VALUES ($1, $2, $3, $4, $5)`,
      [actorId, action, target.type, target.id, JSON.stringify(data)],
    );
  }
}
