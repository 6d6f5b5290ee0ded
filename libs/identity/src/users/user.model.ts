import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { LanguageCode, PlatformRole } from '@taawoun/core';
import { IsEmail, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Transform } from 'class-transformer';

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

  @Field(() => [PlatformRole])
  roles!: PlatformRole[];
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field()
  accessToken!: string;

  @Field()
  refreshToken!: string;

  @Field(() => UserModel)
  user!: UserModel;
}

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType('RegisterInput')
export class RegisterInput {
  @Field()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(128, { message: 'password must be at most 128 characters' })
  password!: string;

  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'fullName must not be empty' })
  @MaxLength(200)
  fullName!: string;

  @Field(() => LanguageCode, { nullable: true })
  @IsOptional()
  @IsEnum(LanguageCode)
  preferredLanguage?: LanguageCode;
}

@InputType('LoginInput')
export class LoginInput {
  @Field()
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @MaxLength(128)
  password!: string;
}
