import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CooperativeStatus } from './cooperative-status.js';
import { Sector } from './sector.js';

/** An admin's decision on an application under review. */
export enum ReviewDecision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
}
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });

/** A review decision with its note, author and time. */
@ObjectType('ReviewNote')
export class ReviewNoteModel {
  @Field(() => ReviewDecision)
  decision!: ReviewDecision;

  @Field()
  note!: string;

  @Field(() => Date)
  at!: Date;

  /** Not exposed yet; kept for an admin console. */
  authorId!: string;
  cooperativeId!: string;
}

/**
 * The GraphQL `Cooperative`. Relations (`region`, `province`, `reviewNotes`, `members`) are
 * resolved by field resolvers through per-request DataLoaders; other libs add their own
 * fields (e.g. `products`) with `@ResolveField` on this class.
 */
@ObjectType('Cooperative')
export class CooperativeModel {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field()
  registrationNumber!: string;

  @Field(() => Sector)
  sector!: Sector;

  @Field({ description: 'ISO date (YYYY-MM-DD).' })
  foundedOn!: string;

  @Field(() => Int)
  memberCount!: number;

  @Field(() => Int, { nullable: true })
  womenMemberCount!: number | null;

  @Field()
  womenLed!: boolean;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => CooperativeStatus, { description: 'Only APPROVED cooperatives are visible to the public.' })
  status!: CooperativeStatus;

  @Field(() => Int, { description: 'Platform commission in basis points (500 = 5%).' })
  commissionRateBps!: number;

  /** Centimes; exposed as Money by `freeShippingThreshold`. */
  freeShippingThreshold!: number | null;
  /** Centimes; exposed as Money by `minimumOrderAmount`. */
  minimumOrderAmount!: number | null;

  /** Resolved by the `province` and `region` field resolvers. */
  provinceCode!: string;
  contactPhone!: string;
  createdAt!: Date;
}
