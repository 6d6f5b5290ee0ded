import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@taawoun/core';
import type { ProvinceModel, RegionModel } from '../regions/region.model.js';
import { RegionService } from '../regions/region.service.js';

interface Geography {
  regionOfProvince: Map<string, RegionModel>;
  province: Map<string, ProvinceModel>;
}

/**
 * Regions and provinces for `Cooperative.region` / `.province`: the whole (small, static)
 * reference table read once per request, whatever the page size.
 */
@Injectable()
export class CooperativeGeoLoader {
  constructor(private readonly regions: RegionService) {}

  async province(rc: RequestContext, code: string): Promise<ProvinceModel> {
    const geo = await this.geography(rc);
    const province = geo.province.get(code);
    if (!province) throw new Error(`Unknown province ${code}`);
    return province;
  }

  async regionOf(rc: RequestContext, provinceCode: string): Promise<RegionModel> {
    const geo = await this.geography(rc);
    const region = geo.regionOfProvince.get(provinceCode);
    if (!region) throw new Error(`No region for province ${provinceCode}`);
    return region;
  }

  private geography(rc: RequestContext): Promise<Geography> {
    return rc.loaders
      .get<'all', Geography>('cooperatives.geography', async (keys) => {
        const regions = await this.regions.regions();
        const geo: Geography = { regionOfProvince: new Map(), province: new Map() };
        for (const region of regions) {
          for (const province of region.provinces) {
            geo.province.set(province.code, province);
            geo.regionOfProvince.set(province.code, region);
          }
        }
        return keys.map(() => geo);
      })
      .load('all');
  }
}
