import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Category', { description: 'A product category; code is stable (e.g. "honey").' })
export class CategoryModel {
  @Field()
  code!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Code of the parent category; null for a top-level one.',
  })
  parentCode!: string | null;

  nameFr!: string;
  nameAr!: string;
  nameEn!: string;
}
