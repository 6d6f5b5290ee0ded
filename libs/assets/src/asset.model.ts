import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** The contract's `Asset`: an uploaded file, by URL. */
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

  @Field(() => String, { nullable: true, description: 'A small WebP copy, once generated (images only).' })
  thumbnailUrl!: string | null;
}
