import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CooperativeRole } from '@taawoun/core';

/** A user's role in a cooperative. `cooperative` and `user` are resolved by the cooperatives lib. */
@ObjectType('CooperativeMembership')
export class CooperativeMembershipModel {
  @Field(() => ID)
  id!: string;

  @Field(() => CooperativeRole)
  role!: CooperativeRole;

  cooperativeId!: string;
  userId!: string;
}
