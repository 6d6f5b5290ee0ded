import { Field, ID, InputType } from '@nestjs/graphql';
import {
  IsEnum,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CertificationType } from './certification-type.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType('CertificationInput')
export class CertificationInput {
  @Field(() => CertificationType)
  @IsEnum(CertificationType)
  type!: CertificationType;

  @Field({ description: 'The authorisation or certificate number, e.g. an ONSSA approval number.' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  reference!: string;

  @Field({ description: 'ISO date (YYYY-MM-DD).' })
  @Matches(ISO_DATE, { message: 'must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'must be a real date' })
  issuedOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'ISO date (YYYY-MM-DD); null when it does not expire.',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'must be a real date' })
  expiresOn?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an asset id' })
  documentAssetId?: string | null;
}
