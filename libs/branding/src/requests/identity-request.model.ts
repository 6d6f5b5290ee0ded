import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, IsString } from 'class-validator';

export enum IdentityRequestStatus {
  OPEN = 'OPEN',
  ASSIGNED = 'ASSIGNED',
  PROPOSED = 'PROPOSED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(IdentityRequestStatus, { name: 'IdentityRequestStatus' });

export enum ProposalStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(ProposalStatus, { name: 'ProposalStatus' });

/** A cooperative's request for help; `cooperative`, `partner` and `proposals` are field resolvers. */
@ObjectType('IdentityRequest')
export class IdentityRequestModel {
  @Field(() => ID)
  id!: string;

  @Field()
  needs!: string;

  @Field(() => IdentityRequestStatus)
  status!: IdentityRequestStatus;

  cooperativeId!: string;
  partnerId!: string | null;
  createdAt!: Date;
}

/** A partner's proposal; `logo` and `banner` are resolved from their asset ids. */
@ObjectType('IdentityProposal')
export class IdentityProposalModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: '"#RRGGBB"' })
  primaryColor!: string;

  @Field(() => String, { nullable: true, description: '"#RRGGBB"' })
  secondaryColor!: string | null;

  @Field(() => String, { nullable: true })
  tagline!: string | null;

  @Field(() => ProposalStatus)
  status!: ProposalStatus;

  @Field(() => String, { nullable: true, description: 'The cooperative’s answer when it responded.' })
  feedback!: string | null;

  requestId!: string;
  logoAssetId!: string;
  bannerAssetId!: string | null;
}

/** A visual identity: for a proposal, and for `updateBrandKit`. Checked by the service (see brand-identity.ts). */
@InputType('IdentityProposalInput')
export class IdentityProposalInput {
  @Field(() => ID)
  @IsString()
  logoAssetId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  bannerAssetId?: string | null;

  @Field({ description: '"#RRGGBB"' })
  @IsString()
  primaryColor!: string;

  @Field(() => String, { nullable: true, description: '"#RRGGBB"' })
  @IsOptional()
  @IsString()
  secondaryColor?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  tagline?: string | null;
}
