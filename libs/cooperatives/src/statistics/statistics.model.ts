import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ProvinceModel } from '../regions/region.model.js';
import { Sector } from '../cooperatives/sector.js';

@ObjectType('SectorShare')
export class SectorShareModel {
  @Field(() => Sector)
  sector!: Sector;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { description: 'count / cooperatives; the shares of the list add up to exactly 1.' })
  share!: number;
}

@ObjectType('ProvinceShare')
export class ProvinceShareModel {
  @Field(() => ProvinceModel)
  province!: ProvinceModel;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { description: 'count / cooperatives; the shares of the list add up to exactly 1.' })
  share!: number;
}

/** The summary the development office publishes for a region, over APPROVED cooperatives. */
@ObjectType('CooperativeStatistics')
export class CooperativeStatisticsModel {
  @Field(() => Int)
  cooperatives!: number;

  @Field(() => Int)
  members!: number;

  @Field(() => Int)
  womenLedCooperatives!: number;

  @Field(() => Int)
  womenLedMembers!: number;

  @Field(() => [SectorShareModel], { description: 'Sectors with at least one cooperative, largest first.' })
  bySector!: SectorShareModel[];

  @Field(() => [ProvinceShareModel], {
    description: 'Provinces with at least one cooperative, largest first.',
  })
  byProvince!: ProvinceShareModel[];
}
