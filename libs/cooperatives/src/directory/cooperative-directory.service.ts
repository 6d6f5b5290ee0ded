import { Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  Cursors,
  pageSize,
  toConnection,
  type Connection,
  type RequestContext,
} from '@taawoun/core';
import type { CooperativeFilter } from '../cooperatives/cooperative.input.js';
import { CooperativeLoader } from '../cooperatives/cooperative.loader.js';
import type { CooperativeModel } from '../cooperatives/cooperative.model.js';
import { cooperativeVisibility } from '../cooperatives/cooperative-visibility.js';
import { RegionService } from '../regions/region.service.js';
import { CooperativeDirectoryRepository, DIRECTORY_ORDERS } from './cooperative-directory.repository.js';

/**
 * The public directory: the cooperatives the caller may see (see cooperative-visibility.ts);
 * admins see all and may filter by status. Keyset pages, one SQL statement per page (rows and
 * totalCount together).
 */
@Injectable()
export class CooperativeDirectoryService {
  constructor(
    private readonly repo: CooperativeDirectoryRepository,
    private readonly regions: RegionService,
    private readonly loader: CooperativeLoader,
    private readonly cursors: Cursors,
  ) {}

  async list(
    rc: RequestContext,
    filter: CooperativeFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<CooperativeModel>> {
    const size = pageSize(first);
    const f = filter ?? {};
    // Unknown codes are refused rather than answering an empty list that looks like "no cooperatives".
    const known = await this.regions.knownCodes(f.regionCode, f.provinceCode);
    if (f.regionCode && !known.region) {
      throw BadUserInputError.field('regionCode', 'is not a known region code');
    }
    if (f.provinceCode && !known.province) {
      throw BadUserInputError.field('provinceCode', 'is not a known province code');
    }
    const search = f.search ? f.search.toLowerCase() : null;
    const order = search ? DIRECTORY_ORDERS.relevance : DIRECTORY_ORDERS.name;
    const { rows, total } = await this.repo.page({
      visibility: cooperativeVisibility(rc.actor),
      status: f.status,
      sector: f.sector,
      womenLed: f.womenLed,
      regionCode: f.regionCode,
      provinceCode: f.provinceCode,
      search,
      after: after ? this.cursors.decode(after, order.kind, order.types, 'after') : null,
      size,
    });
    return toConnection(
      rows,
      size,
      total,
      (row) =>
        this.cursors.encode(order.kind, search ? [row.score ?? '0', row.name, row.id] : [row.name, row.id]),
      ({ score: _score, ...cooperative }) => this.loader.prime(rc, cooperative),
    );
  }
}
