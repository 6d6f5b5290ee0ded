import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '@taawoun/core';
import { CatalogAccessRepository } from './catalog-access.repository.js';

/**
 * Write-side checks shared by products, variants and certifications. The policy guard has
 * already checked membership; this checks the cooperative may trade (APPROVED), with a share
 * lock so a concurrent suspension waits for the write instead of racing it.
 */
@Injectable()
export class CatalogAccess {
  constructor(private readonly repository: CatalogAccessRepository) {}

  async assertApproved(cooperativeId: string): Promise<void> {
    const status = await this.repository.lockCooperativeStatus(cooperativeId);
    if (!status) throw new NotFoundError('Cooperative', cooperativeId);
    if (status !== 'APPROVED')
      throw new ForbiddenError(`Only an APPROVED cooperative manages its catalog (this one is ${status})`);
  }
}
