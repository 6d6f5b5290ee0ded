import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@taawoun/core';
import type { BrandIdentity } from './brand-identity.js';

/**
 * Branding's use of the assets lib, in one place: the caller may use the images it names, and
 * they are attached to the cooperative (for members to see a proposal, publicly once in its kit).
 * Until the assets lib lands, ids are only checked to be UUIDs (brand-identity.ts).
 */
@Injectable()
export class BrandAssets {
  async assertUsable(rc: RequestContext, identity: BrandIdentity): Promise<void> {
    void rc;
    void identity;
  }

  async attachToProposal(identity: BrandIdentity, cooperativeId: string): Promise<void> {
    void identity;
    void cooperativeId;
  }

  async attachToBrandKit(identity: BrandIdentity, cooperativeId: string): Promise<void> {
    void identity;
    void cooperativeId;
  }
}
