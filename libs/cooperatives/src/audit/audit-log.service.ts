import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from './audit-log.repository.js';

/** Records admin actions in `audit_log` (AuditLogEntity); call it inside the transaction of the action so both commit together. */
@Injectable()
export class AuditLogService {
  constructor(private readonly repo: AuditLogRepository) {}

  record(
    actorId: string,
    action: string,
    target: { type: string; id: string },
    data: Record<string, unknown> = {},
  ): Promise<void> {
    return this.repo.insert({ actorId, action, targetType: target.type, targetId: target.id, data });
  }
}
