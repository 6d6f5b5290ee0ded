import { BadUserInputError } from '@taawoun/core';
import { checkBrandIdentity, normaliseColor, TAGLINE_MAX_LENGTH } from './brand-identity.js';

const LOGO = '0b6f3c1e-4a7d-4f2e-9c1b-2d3e4f5a6b7c';

describe('normaliseColor', () => {
  it.each([
    ['#1a2B3c', '#1A2B3C'],
    ['#000000', '#000000'],
    ['#FFFFFF', '#FFFFFF'],
  ])('accepts %s as %s', (input, expected) => expect(normaliseColor(input)).toBe(expected));

  it.each([
    '',
    '#',
    '#12345',
    '#1234567',
    '123456',
    '#12345G',
    'red',
    '#ABCDEF ',
    ' #ABCDEF',
    '#ＡＢＣＤＥＦ',
  ])('refuses %p', (input) => expect(normaliseColor(input)).toBeNull());
});

describe('checkBrandIdentity', () => {
  function problems(input: Parameters<typeof checkBrandIdentity>[0]): string[] {
    try {
      checkBrandIdentity(input);
      return [];
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      return error.fields.map((f) => f.field);
    }
  }

  it('normalises a valid identity (colours upper-cased, tagline trimmed, empty tagline dropped)', () => {
    expect(checkBrandIdentity({ logoAssetId: LOGO, primaryColor: '#aabbcc', tagline: '  Miel  ' })).toEqual({
      logoAssetId: LOGO,
      bannerAssetId: null,
      primaryColor: '#AABBCC',
      secondaryColor: null,
      tagline: 'Miel',
    });
    expect(
      checkBrandIdentity({ logoAssetId: LOGO, primaryColor: '#aabbcc', tagline: '   ' }).tagline,
    ).toBeNull();
  });

  it('counts the tagline in characters, Arabic and emoji included, up to the limit', () => {
    const arabic = 'ع'.repeat(TAGLINE_MAX_LENGTH);
    expect(checkBrandIdentity({ logoAssetId: LOGO, primaryColor: '#000000', tagline: arabic }).tagline).toBe(
      arabic,
    );
    const emoji = '🌿'.repeat(TAGLINE_MAX_LENGTH);
    expect(problems({ logoAssetId: LOGO, primaryColor: '#000000', tagline: emoji })).toEqual([]);
    expect(problems({ logoAssetId: LOGO, primaryColor: '#000000', tagline: `${emoji}🌿` })).toEqual([
      'tagline',
    ]);
    expect(problems({ logoAssetId: LOGO, primaryColor: '#000000', tagline: 'x'.repeat(100_000) })).toEqual([
      'tagline',
    ]);
  });

  it('reports every bad field at once, under its domain name', () => {
    expect(
      problems({
        logoAssetId: 'logo.png',
        bannerAssetId: 'x',
        primaryColor: 'blue',
        secondaryColor: '#GGGGGG',
        tagline: 'y'.repeat(TAGLINE_MAX_LENGTH + 1),
      }),
    ).toEqual(['logoAssetId', 'bannerAssetId', 'primaryColor', 'secondaryColor', 'tagline']);
  });
});
