import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Province', {
  description: 'A province or prefecture; code is its ISO 3166-2:MA code (e.g. MA-JDI).',
})
export class ProvinceModel {
  @Field()
  code!: string;

  nameFr!: string;
  nameAr!: string;
}

@ObjectType('Region', {
  description: 'One of the 12 regions of Morocco; code is its ISO 3166-2:MA code (e.g. MA-06).',
})
export class RegionModel {
  @Field()
  code!: string;

  nameFr!: string;
  nameAr!: string;

  @Field(() => [ProvinceModel])
  provinces!: ProvinceModel[];
}
