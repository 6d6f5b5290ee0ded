import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import type { Sector } from '../cooperatives/sector.js';

/** The counts of APPROVED cooperatives of a region (or the country), and whether the region exists. */
export interface StatisticsRow {
  regionKnown: boolean;
  cooperatives: number;
  /** A bigint sum, as text. */
  members: string;
  womenLedCooperatives: number;
  womenLedMembers: string;
  bySector: { sector: Sector; count: number }[];
  byProvince: { code: string; nameFr: string; nameAr: string; count: number }[];
}

export const STATISTICS_SQL = {
  approvedCounts: `WITH base AS (
      SELECT c.sector, c.province_code, c.member_count, c.women_led
      FROM cooperatives c JOIN provinces p ON p.code = c.province_code
      WHERE c.status = 'APPROVED' AND ($1::varchar IS NULL OR p.region_code = $1::varchar)
    )
    SELECT
      ($1::varchar IS NULL OR EXISTS (SELECT 1 FROM regions WHERE code = $1::varchar)) AS "regionKnown",
      (SELECT count(*)::int FROM base) AS cooperatives,
      (SELECT coalesce(sum(member_count), 0) FROM base) AS members,
      (SELECT count(*)::int FROM base WHERE women_led) AS "womenLedCooperatives",
      (SELECT coalesce(sum(member_count), 0) FROM base WHERE women_led) AS "womenLedMembers",
      (SELECT coalesce(json_agg(json_build_object('sector', sector, 'count', n) ORDER BY n DESC, sector), '[]')
         FROM (SELECT sector, count(*)::int AS n FROM base GROUP BY sector) s) AS "bySector",
      (SELECT coalesce(json_agg(json_build_object('code', pr.code, 'nameFr', pr.name_fr, 'nameAr', pr.name_ar,
                                                  'count', n) ORDER BY n DESC, pr.code), '[]')
         FROM (SELECT province_code, count(*)::int AS n FROM base GROUP BY province_code) s
         JOIN provinces pr ON pr.code = s.province_code) AS "byProvince"`,
} as const;

/** The statistics statement: PostgreSQL computes every count (the region check included) at once. */
@Injectable()
export class StatisticsRepository {
  constructor(private readonly db: Db) {}

  async approvedCounts(regionCode: string | null): Promise<StatisticsRow> {
    const [row] = await this.db.query<StatisticsRow>(STATISTICS_SQL.approvedCounts, [regionCode]);
    return row;
  }
}
