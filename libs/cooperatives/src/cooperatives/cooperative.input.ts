import { Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CooperativeStatus } from './cooperative-status.js';
import { Sector } from './sector.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimOrNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

/** Upper bound for member counts: far above any real cooperative, catches typos and overflow. */
export const MAX_MEMBER_COUNT = 1_000_000;

/**
 * An application (also the full profile on update). Shape checks live here; checks that need
 * the database or several fields (province exists, date not in the future, women ≤ members)
 * are in the service, and every failure names its field.
 */
@InputType('CooperativeApplicationInput')
export class CooperativeApplicationInput {
  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(2, { message: 'name must be at least 2 characters' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 ./-]{0,63}$/, {
    message: 'registrationNumber must be 1 to 64 letters, digits, spaces, dots, slashes or dashes',
  })
  registrationNumber!: string;

  @Field(() => Sector)
  @IsEnum(Sector)
  sector!: Sector;

  @Field()
  @Transform(trim)
  @IsString()
  @MaxLength(8, { message: 'provinceCode is not a known province' })
  provinceCode!: string;

  @Field({ description: 'ISO date (YYYY-MM-DD), not in the future.' })
  @Transform(trim)
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'foundedOn must be an ISO date (YYYY-MM-DD)' })
  foundedOn!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'memberCount must not be negative' })
  @Max(MAX_MEMBER_COUNT)
  memberCount!: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'womenMemberCount must not be negative' })
  @Max(MAX_MEMBER_COUNT)
  womenMemberCount?: number | null;

  @Field()
  @IsBoolean()
  womenLed!: boolean;

  @Field(() => String, { nullable: true })
  @Transform(trimOrNull)
  @IsOptional()
  @IsString()
  @MaxLength(4000, { message: 'description must be at most 4000 characters' })
  description?: string | null;

  @Field({ description: 'International (+212 6 12 34 56 78) or Moroccan (06 12 34 56 78) number.' })
  @Transform(trim)
  @IsString()
  @Matches(/^\+?[0-9][0-9 .()-]{7,22}$/, { message: 'contactPhone must be a phone number' })
  contactPhone!: string;
}

/** Filters of the public directory. */
@InputType('CooperativeFilter')
export class CooperativeFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(8, { message: 'regionCode is not a known region' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(8, { message: 'provinceCode is not a known province' })
  provinceCode?: string | null;

  @Field(() => Sector, { nullable: true })
  @IsOptional()
  @IsEnum(Sector)
  sector?: Sector | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  womenLed?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Typo-tolerant search over names.' })
  @Transform(trimOrNull)
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'search must be at most 200 characters' })
  search?: string | null;

  @Field(() => CooperativeStatus, {
    nullable: true,
    description:
      'Admins: any status. Others only ever see APPROVED cooperatives and their own, so this narrows that set.',
  })
  @IsOptional()
  @IsEnum(CooperativeStatus)
  status?: CooperativeStatus | null;
}
