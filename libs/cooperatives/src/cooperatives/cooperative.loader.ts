import { Injectable } from '@nestjs/common';
import { isUuid, oneByKey, type RequestContext } from '@taawoun/core';
import type { CooperativeModel } from './cooperative.model.js';
import { CooperativeRepository } from './cooperative.repository.js';

/** The per-request loader name; every lib asking for a cooperative by id shares its batches. */
export const COOPERATIVE_BY_ID_LOADER = 'cooperatives.byId';

/** Batches lookups of cooperatives by id within one request (one query per page, not per row). */
@Injectable()
export class CooperativeLoader {
  constructor(private readonly cooperatives: CooperativeRepository) {}

  load(rc: RequestContext, id: string): Promise<CooperativeModel | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.loader(rc).load(id);
  }

  /** Caches a cooperative read by a list query, so its fields and other libs do not read it again. */
  prime(rc: RequestContext, cooperative: CooperativeModel): CooperativeModel {
    this.loader(rc).prime(cooperative.id, cooperative);
    return cooperative;
  }

  private loader(rc: RequestContext) {
    return rc.loaders.get<string, CooperativeModel | null>(COOPERATIVE_BY_ID_LOADER, async (ids) =>
      oneByKey(ids, await this.cooperatives.byIds(ids), (c) => c.id),
    );
  }
}
