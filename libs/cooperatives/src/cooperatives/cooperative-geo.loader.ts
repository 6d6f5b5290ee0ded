import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { RequestContext } from '@taawoun/core';
import type { ProvinceModel, RegionModel } from '../regions/region.model.js';
import { RegionService } from '../regions/region.service.js';

interface Geography {
  regionOfProvince: Map<string, RegionModel>;
  province: Map<string, ProvinceModel>;
}

/**
 * Regions and provinces for `Cooperative.region` / `.province`: the whole (small) reference table,
 * read once per process: it only changes through migrations. A code missing from the copy read
 * earlier makes one fresh read (a migration may have added it since); a failed read is not kept.
 * Read at start-up, so that no request pays for it (and each costs the same statements).
 */
@Injectable()
export class CooperativeGeoLoader implements OnApplicationBootstrap {
  private cached: Promise<Geography> | null = null;

  constructor(private readonly regions: RegionService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.geography();
  }

  async province(_rc: RequestContext, code: string): Promise<ProvinceModel> {
    const province = await this.lookup((geo) => geo.province.get(code));
    if (!province) throw new Error(`Unknown province ${code}`);
    return province;
  }

  async regionOf(_rc: RequestContext, provinceCode: string): Promise<RegionModel> {
    const region = await this.lookup((geo) => geo.regionOfProvince.get(provinceCode));
    if (!region) throw new Error(`No region for province ${provinceCode}`);
    return region;
  }

  private async lookup<T>(find: (geo: Geography) => T | undefined): Promise<T | undefined> {
    const found = find(await this.geography());
    if (found !== undefined) return found;
    this.cached = null;
    return find(await this.geography());
  }

  private geography(): Promise<Geography> {
    if (!this.cached) {
      this.cached = this.read();
      this.cached.catch(() => (this.cached = null));
    }
    return this.cached;
  }

  private async read(): Promise<Geography> {
    const regions = await this.regions.regions();
    const geo: Geography = { regionOfProvince: new Map(), province: new Map() };
    for (const region of regions) {
      for (const province of region.provinces) {
        geo.province.set(province.code, province);
        geo.regionOfProvince.set(province.code, region);
      }
    }
    return geo;
  }
}
