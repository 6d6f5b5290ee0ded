import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '@taawoun/core';
import { CooperativeRepository, CooperativeStatus } from '@taawoun/cooperatives';

/**
 * Write-side checks shared by products, variants and certifications. The policy guard has
 * already checked membership; this checks the cooperative may trade (APPROVED), with a share
 * lock (the cooperatives lib's `CooperativeRepository.lockStatus`) so a concurrent suspension
 * waits for the write instead of racing it.
 */
@Injectable()
export class CatalogAccess {
  constructor(private readonly cooperatives: CooperativeRepository) {}

  async assertApproved(cooperativeId: string): Promise<void> {
    const status = await this.cooperatives.lockStatus(cooperativeId);
    if (!status) throw new NotFoundError('Cooperative', cooperativeId);
    if (status !== CooperativeStatus.APPROVED)
      throw new ForbiddenError(`Only an APPROVED cooperative manages its catalog (this one is ${status})`);
  }
}
