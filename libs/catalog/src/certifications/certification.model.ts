import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CertificationType } from './certification-type.js';

@ObjectType('Certification', {
  description: 'A certificate of a cooperative, linked to the products it covers.',
})
export class CertificationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => CertificationType)
  type!: CertificationType;

  @Field()
  reference!: string;

  @Field({ description: 'ISO date (YYYY-MM-DD).' })
  issuedOn!: string;

  @Field(() => String, { nullable: true, description: 'ISO date; null when it does not expire.' })
  expiresOn!: string | null;

  @Field({ description: 'Set by an admin.' })
  verified!: boolean;

  @Field({ description: 'Verified and not expired today (Africa/Casablanca), computed when read.' })
  valid!: boolean;

  cooperativeId!: string;
}
