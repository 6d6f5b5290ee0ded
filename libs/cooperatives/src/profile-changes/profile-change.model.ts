import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Sector } from '../cooperatives/sector.js';

/**
 * A member's edit to the vetted facts of an approved cooperative, waiting for an admin. Null
 * fields are unchanged; `province` is resolved from `provinceCode`.
 */
@ObjectType('CooperativeProfileChange')
export class CooperativeProfileChangeModel {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  registrationNumber!: string | null;

  @Field(() => Sector, { nullable: true })
  sector!: Sector | null;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' })
  foundedOn!: string | null;

  @Field(() => Int, { nullable: true })
  memberCount!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Null when unchanged (a change to "unknown" cannot be told apart here).',
  })
  womenMemberCount!: number | null;

  @Field(() => Boolean, { nullable: true })
  womenLed!: boolean | null;

  @Field(() => Date)
  requestedAt!: Date;

  provinceCode!: string | null;
  cooperativeId!: string;
}
