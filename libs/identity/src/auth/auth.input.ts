import { Field, InputType } from '@nestjs/graphql';
import { LanguageCode } from '@taawoun/core';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsAcceptableEmail, IsAcceptablePassword } from '../users/account-validators.js';
import { PASSWORD_MAX_LENGTH } from '../passwords/password-policy.js';
import { EMAIL_MAX_LENGTH } from '../users/email-address.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType('RegisterInput')
export class RegisterInput {
  @Field()
  @Transform(trim)
  @IsAcceptableEmail()
  email!: string;

  /** Not trimmed: spaces are legitimate password characters. */
  @Field()
  @IsAcceptablePassword()
  password!: string;

  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'fullName must not be empty' })
  @MaxLength(200, { message: 'fullName must be at most 200 characters' })
  fullName!: string;

  @Field(() => LanguageCode, { nullable: true })
  @IsOptional()
  @IsEnum(LanguageCode)
  preferredLanguage?: LanguageCode;
}

/** Deliberately loose: a malformed e-mail is just a failed login (and counts toward throttling). */
@InputType('LoginInput')
export class LoginInput {
  @Field()
  @Transform(trim)
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH, { message: `email must be at most ${EMAIL_MAX_LENGTH} characters` })
  email!: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `password must be at most ${PASSWORD_MAX_LENGTH} characters` })
  password!: string;
}
