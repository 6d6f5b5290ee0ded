import { Injectable } from '@nestjs/common';
import { BadUserInputError, Db } from '@taawoun/core';
import type { Sector } from '../cooperatives/cooperative-status.js';
import type { CooperativeStatisticsModel } from './statistics.model.js';
import { sharesOf } from './shares.js';

interface StatisticsRow {
  region_known: boolean;
  cooperatives: number;
  members: string;
  women_led_cooperatives: number;
  women_led_members: string;
  by_sector: { sector: Sector; count: number }[];
  by_province: { code: string; nameFr: string; nameAr: string; count: number }[];
}

/**
 * Regional statistics over APPROVED cooperatives, computed by PostgreSQL in one statement
 * (the region check included). Counts are exact integers; shares are derived from them.
 */
@Injectable()
export class CooperativeStatisticsService {
  constructor(private readonly db: Db) {}

  async statistics(regionCode: string | null | undefined): Promise<CooperativeStatisticsModel> {
    const code = regionCode ?? null;
    if (code !== null && code.length > 8)
      throw BadUserInputError.field('regionCode', 'is not a known region code');
    const [row] = await this.db.query<StatisticsRow>(
      `WITH base AS (
         SELECT c.sector, c.province_code, c.member_count, c.women_led
         FROM cooperatives c JOIN provinces p ON p.code = c.province_code
         WHERE c.status = 'APPROVED' AND ($1::varchar IS NULL OR p.region_code = $1::varchar)
       )
       SELECT
         ($1::varchar IS NULL OR EXISTS (SELECT 1 FROM regions WHERE code = $1::varchar)) AS region_known,
         (SELECT count(*)::int FROM base) AS cooperatives,
         (SELECT coalesce(sum(member_count), 0) FROM base) AS members,
         (SELECT count(*)::int FROM base WHERE women_led) AS women_led_cooperatives,
         (SELECT coalesce(sum(member_count), 0) FROM base WHERE women_led) AS women_led_members,
         (SELECT coalesce(json_agg(json_build_object('sector', sector, 'count', n) ORDER BY n DESC, sector), '[]')
            FROM (SELECT sector, count(*)::int AS n FROM base GROUP BY sector) s) AS by_sector,
         (SELECT coalesce(json_agg(json_build_object('code', pr.code, 'nameFr', pr.name_fr, 'nameAr', pr.name_ar,
                                                     'count', n) ORDER BY n DESC, pr.code), '[]')
            FROM (SELECT province_code, count(*)::int AS n FROM base GROUP BY province_code) s
            JOIN provinces pr ON pr.code = s.province_code) AS by_province`,
      [code],
    );
    if (!row.region_known) throw BadUserInputError.field('regionCode', 'is not a known region code');
    const sectorShares = sharesOf(row.by_sector.map((s) => s.count));
    const provinceShares = sharesOf(row.by_province.map((p) => p.count));
    return {
      cooperatives: row.cooperatives,
      members: Number(row.members),
      womenLedCooperatives: row.women_led_cooperatives,
      womenLedMembers: Number(row.women_led_members),
      bySector: row.by_sector.map((s, i) => ({ sector: s.sector, count: s.count, share: sectorShares[i] })),
      byProvince: row.by_province.map((p, i) => ({
        province: { code: p.code, nameFr: p.nameFr, nameAr: p.nameAr },
        count: p.count,
        share: provinceShares[i],
      })),
    };
  }
}
