import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CooperativeRole } from '@taawoun/core';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

/** An invitation to join a cooperative; `cooperative` is resolved by its field resolver. */
@ObjectType('CooperativeInvitation')
export class CooperativeInvitationModel {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field(() => CooperativeRole)
  role!: CooperativeRole;

  @Field(() => InvitationStatus, { description: 'EXPIRED: still PENDING past expiresAt.' })
  status!: InvitationStatus;

  @Field(() => Date)
  expiresAt!: Date;

  cooperativeId!: string;
}
