import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

export interface RegionRow {
  code: string;
  nameFr: string;
  nameAr: string;
}

export interface ProvinceRow {
  code: string;
  regionCode: string;
  nameFr: string;
  nameAr: string;
}

export interface KnownCodesRow {
  region: boolean;
  province: boolean;
}

export const REGION_SQL = {
  regions: `SELECT code, name_fr AS "nameFr", name_ar AS "nameAr" FROM regions ORDER BY position`,
  provinces: `SELECT code, region_code AS "regionCode", name_fr AS "nameFr", name_ar AS "nameAr"
    FROM provinces ORDER BY name_fr`,
  knownCodes: `SELECT EXISTS (SELECT 1 FROM regions WHERE code = $1) AS region,
    EXISTS (SELECT 1 FROM provinces WHERE code = $2) AS province`,
} as const;

/** Every statement on `regions` and `provinces` (reference data, changed through migrations only). */
@Injectable()
export class RegionRepository {
  constructor(private readonly db: Db) {}

  /** The regions in their official order. */
  regions(): Promise<RegionRow[]> {
    return this.db.query<RegionRow>(REGION_SQL.regions);
  }

  /** Every province, by French name. */
  provinces(): Promise<ProvinceRow[]> {
    return this.db.query<ProvinceRow>(REGION_SQL.provinces);
  }

  /** Whether each code names a region / a province (false for null). */
  async knownCodes(regionCode: string | null, provinceCode: string | null): Promise<KnownCodesRow> {
    const [row] = await this.db.query<KnownCodesRow>(REGION_SQL.knownCodes, [regionCode, provinceCode]);
    return row;
  }
}
