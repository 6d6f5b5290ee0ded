import { Injectable } from '@nestjs/common';
import { BadUserInputError } from '@taawoun/core';
import type { CooperativeStatisticsModel } from './statistics.model.js';
import { sharesOf } from './shares.js';
import { StatisticsRepository } from './statistics.repository.js';

/**
 * Regional statistics over APPROVED cooperatives, computed by PostgreSQL in one statement
 * (the region check included). Counts are exact integers; shares are derived from them.
 */
@Injectable()
export class CooperativeStatisticsService {
  constructor(private readonly repo: StatisticsRepository) {}

  async statistics(regionCode: string | null | undefined): Promise<CooperativeStatisticsModel> {
    const code = regionCode ?? null;
    if (code !== null && code.length > 8)
      throw BadUserInputError.field('regionCode', 'is not a known region code');
    const row = await this.repo.approvedCounts(code);
    if (!row.regionKnown) throw BadUserInputError.field('regionCode', 'is not a known region code');
    const sectorShares = sharesOf(row.bySector.map((s) => s.count));
    const provinceShares = sharesOf(row.byProvince.map((p) => p.count));
    return {
      cooperatives: row.cooperatives,
      members: Number(row.members),
      womenLedCooperatives: row.womenLedCooperatives,
      womenLedMembers: Number(row.womenLedMembers),
      bySector: row.bySector.map((s, i) => ({ sector: s.sector, count: s.count, share: sectorShares[i] })),
      byProvince: row.byProvince.map((p, i) => ({
        province: { code: p.code, nameFr: p.nameFr, nameAr: p.nameAr },
        count: p.count,
        share: provinceShares[i],
      })),
    };
  }
}
