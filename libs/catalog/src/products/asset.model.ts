import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/**
 * The contract's `Asset`, declared here so `Product.images` can exist before the assets lib.
 * When libs/assets lands it should own this type (and catalog import it from there).
 */
@ObjectType('Asset')
export class AssetModel {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field()
  mimeType!: string;

  @Field(() => Int, { nullable: true })
  width!: number | null;

  @Field(() => Int, { nullable: true })
  height!: number | null;

  @Field(() => String, { nullable: true })
  thumbnailUrl!: string | null;
}
