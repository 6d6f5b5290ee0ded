import { Injectable } from '@nestjs/common';
import type { ProvinceModel, RegionModel } from './region.model.js';
import { RegionRepository } from './region.repository.js';

/** Regions and provinces: reference data, read-only at run time (changed through migrations). */
@Injectable()
export class RegionService {
  constructor(private readonly repo: RegionRepository) {}

  async regions(): Promise<RegionModel[]> {
    const [regions, provinces] = await Promise.all([this.repo.regions(), this.repo.provinces()]);
    return regions.map((r) => ({
      ...r,
      provinces: provinces.filter((p) => p.regionCode === r.code).map(toProvince),
    }));
  }

  /** Whether each code names a region / a province (false for null or undefined). */
  knownCodes(
    regionCode: string | null | undefined,
    provinceCode: string | null | undefined,
  ): Promise<{ region: boolean; province: boolean }> {
    if (!regionCode && !provinceCode) return Promise.resolve({ region: false, province: false });
    return this.repo.knownCodes(regionCode ?? null, provinceCode ?? null);
  }
}

function toProvince(p: { code: string; nameFr: string; nameAr: string }): ProvinceModel {
  return { code: p.code, nameFr: p.nameFr, nameAr: p.nameAr };
}
