import { Field, ObjectType } from '@nestjs/graphql';

/** A cooperative's visual identity; `logo` and `banner` are resolved from their asset ids. */
@ObjectType('BrandKit')
export class BrandKitModel {
  @Field(() => String, { nullable: true, description: '"#RRGGBB"' })
  primaryColor!: string | null;

  @Field(() => String, { nullable: true, description: '"#RRGGBB"' })
  secondaryColor!: string | null;

  @Field(() => String, { nullable: true })
  tagline!: string | null;

  cooperativeId!: string;
  logoAssetId!: string | null;
  bannerAssetId!: string | null;
}
