import { BadUserInputError, type FieldProblem, isUuid } from '@taawoun/core';
import type { IdentityProposalInput } from './requests/identity-request.model.js';

/** Longest tagline a proposal or brand kit may carry (characters). */
export const TAGLINE_MAX_LENGTH = 120;

/** A checked visual identity: colours upper-cased `#RRGGBB`, tagline trimmed (null when empty). */
export interface BrandIdentity {
  logoAssetId: string;
  bannerAssetId: string | null;
  primaryColor: string;
  secondaryColor: string | null;
  tagline: string | null;
}

const HEX = '0123456789ABCDEF';

/** `#RRGGBB` upper-cased, or null when `value` is not one (a character walk: no regex over client text). */
export function normaliseColor(value: string): string | null {
  if (value.length !== 7 || value[0] !== '#') return null;
  const upper = value.toUpperCase();
  for (let i = 1; i < 7; i++) if (!HEX.includes(upper[i])) return null;
  return upper;
}

/**
 * Checks a proposal or brand kit, reporting every problem at once under its domain field
 * (`logoAssetId`, `primaryColor`, `tagline`...). Asset ownership is checked separately by assets.
 */
export function checkBrandIdentity(input: IdentityProposalInput): BrandIdentity {
  const problems: FieldProblem[] = [];
  if (!isUuid(input.logoAssetId)) problems.push({ field: 'logoAssetId', message: 'must be an asset id' });
  const bannerAssetId = input.bannerAssetId ?? null;
  if (bannerAssetId !== null && !isUuid(bannerAssetId))
    problems.push({ field: 'bannerAssetId', message: 'must be an asset id' });
  const primaryColor = normaliseColor(input.primaryColor);
  if (!primaryColor) problems.push({ field: 'primaryColor', message: 'must be a colour like #1A2B3C' });
  const secondaryColor = input.secondaryColor == null ? null : normaliseColor(input.secondaryColor);
  if (input.secondaryColor != null && !secondaryColor)
    problems.push({ field: 'secondaryColor', message: 'must be a colour like #1A2B3C' });
  const tagline = input.tagline?.trim() || null;
  if (
    tagline !== null &&
    (tagline.length > 2 * TAGLINE_MAX_LENGTH || [...tagline].length > TAGLINE_MAX_LENGTH)
  )
    problems.push({ field: 'tagline', message: `must be at most ${TAGLINE_MAX_LENGTH} characters` });
  if (problems.length) throw new BadUserInputError(problems);
  return {
    logoAssetId: input.logoAssetId,
    bannerAssetId,
    primaryColor: primaryColor!,
    secondaryColor,
    tagline,
  };
}
