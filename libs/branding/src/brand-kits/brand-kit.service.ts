import { Injectable } from '@nestjs/common';
import { Db, oneByKey, requireUuid, type RequestContext } from '@taawoun/core';
import { BrandAssets } from '../brand-assets.js';
import { checkBrandIdentity, type BrandIdentity } from '../brand-identity.js';
import type { IdentityProposalInput } from '../requests/identity-request.model.js';
import type { BrandKitModel } from './brand-kit.model.js';
import { BrandKitRepository } from './brand-kit.repository.js';

/** Cooperatives' brand kits: set by an accepted proposal or by the cooperative itself. */
@Injectable()
export class BrandKitService {
  constructor(
    private readonly db: Db,
    private readonly repo: BrandKitRepository,
    private readonly assets: BrandAssets,
  ) {}

  /** OWNER/MANAGER (the policy): the cooperative designs its own kit, replacing the one it had. */
  async update(
    rc: RequestContext,
    cooperativeId: string,
    input: IdentityProposalInput,
  ): Promise<BrandKitModel> {
    const actor = rc.requireActor();
    requireUuid(cooperativeId, 'Cooperative');
    const identity = checkBrandIdentity(input);
    return this.db.transaction(async () => {
      await this.assets.assertUsable(actor, identity, cooperativeId, 'kit');
      return this.set(cooperativeId, identity, null);
    });
  }

  /** Sets the kit in the current transaction and attaches its images to the cooperative (public from then on). */
  async set(
    cooperativeId: string,
    identity: BrandIdentity,
    proposalId: string | null,
  ): Promise<BrandKitModel> {
    const row = await this.repo.upsert(cooperativeId, identity, proposalId);
    await this.assets.attach(identity, cooperativeId, 'kit');
    return row;
  }

  /** `Cooperative.brandKit`, batched per request; null when the cooperative has none. */
  forCooperative(rc: RequestContext, cooperativeId: string): Promise<BrandKitModel | null> {
    return rc.loaders
      .get<string, BrandKitModel | null>('branding.brandKitOfCooperative', async (ids) =>
        oneByKey(ids, await this.repo.byCooperatives(ids), (k) => k.cooperativeId),
      )
      .load(cooperativeId);
  }
}
