import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import { ProvinceEntity } from './province.entity.js';
import { RegionEntity } from './region.entity.js';
import type { ProvinceModel, RegionModel } from './region.model.js';

/** Regions and provinces: reference data, read-only at run time (changed through migrations). */
@Injectable()
export class RegionService {
  constructor(private readonly db: Db) {}

  async regions(): Promise<RegionModel[]> {
    const [regions, provinces] = await Promise.all([
      this.db.repo(RegionEntity).find({ order: { position: 'ASC' } }),
      this.db.repo(ProvinceEntity).find({ order: { nameFr: 'ASC' } }),
    ]);
    return regions.map((r) => ({
      code: r.code,
      nameFr: r.nameFr,
      nameAr: r.nameAr,
      provinces: provinces.filter((p) => p.regionCode === r.code).map(toProvince),
    }));
  }

  async province(code: string): Promise<ProvinceEntity | null> {
    return this.db.repo(ProvinceEntity).findOneBy({ code });
  }
}

export function toProvince(p: ProvinceEntity): ProvinceModel {
  return { code: p.code, nameFr: p.nameFr, nameAr: p.nameAr };
}
