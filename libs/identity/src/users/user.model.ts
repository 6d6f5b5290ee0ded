import { Field, ID, ObjectType } from '@nestjs/graphql';
import { LanguageCode, PlatformRole } from '@taawoun/core';

/** GraphQL `User`. Its `memberships` field is resolved by the cooperatives lib. */
@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  fullName!: string;

  @Field(() => LanguageCode)
  preferredLanguage!: LanguageCode;

  /**
   * Set by identity's mappers; other libs building a UserModel may leave it out, and the field
   * resolver (UserFieldsResolver) then loads it in one batch per request.
   */
  emailVerified?: boolean;

  @Field(() => [PlatformRole], { description: 'BUYER for everyone, plus the granted ADMIN / PARTNER.' })
  roles!: PlatformRole[];
}

/** GraphQL `AuthPayload`: a fresh session. */
@ObjectType('AuthPayload')
export class AuthPayload {
  @Field({
    description: 'Signed access token, valid 15 minutes; send it as "Authorization: Bearer <token>".',
  })
  accessToken!: string;

  @Field({ description: 'Opaque, single-use refresh token (30 days); rotate it with refreshToken.' })
  refreshToken!: string;

  @Field(() => UserModel)
  user!: UserModel;
}
