import { Injectable } from '@nestjs/common';
import { Db, ForbiddenError, NotFoundError } from '@taawoun/core';

/**
 * Write-side checks shared by products, variants and certifications. The policy guard has
 * already checked membership; this checks the cooperative may trade (APPROVED), with a share
 * lock so a concurrent suspension waits for the write instead of racing it.
 */
@Injectable()
export class CatalogAccess {
  constructor(private readonly db: Db) {}

  async assertApproved(cooperativeId: string): Promise<void> {
    const [row] = await this.db.query<{ status: string }>(
      `SELECT status FROM cooperatives WHERE id = $1 FOR SHARE`,
      [cooperativeId],
    );
    if (!row) throw new NotFoundError('Cooperative', cooperativeId);
    if (row.status !== 'APPROVED')
      throw new ForbiddenError(
        `Only an APPROVED cooperative manages its catalog (this one is ${row.status})`,
      );
  }
}
