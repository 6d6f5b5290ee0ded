import { Field, ID, ObjectType } from '@nestjs/graphql';

/** A partner organisation as the API shows it. */
@ObjectType('PartnerOrganization')
export class PartnerOrganizationModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;
}
