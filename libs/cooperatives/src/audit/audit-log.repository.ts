import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

export interface AuditEntry {
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  data: Record<string, unknown>;
}

export const AUDIT_LOG_SQL = {
  insert: `INSERT INTO audit_log (actor_id, action, target_type, target_id, data) VALUES ($1, $2, $3, $4, $5)`,
} as const;

/** Every statement on `audit_log` (append-only). */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly db: Db) {}

  async insert(entry: AuditEntry): Promise<void> {
    await this.db.query(AUDIT_LOG_SQL.insert, [
      entry.actorId,
      entry.action,
      entry.targetType,
      entry.targetId,
      JSON.stringify(entry.data),
    ]);
  }
}
