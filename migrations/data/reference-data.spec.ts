import { CATEGORIES_V1 } from './categories-v1.js';
import { MOROCCO_REGIONS_2015 } from './morocco-regions-2015.js';

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const CASABLANCA_SETTAT_CODES = [
  'MA-CAS',
  'MA-MOH',
  'MA-JDI',
  'MA-NOU',
  'MA-MED',
  'MA-BES',
  'MA-BRR',
  'MA-SET',
  'MA-SIB',
];

const allProvinces = MOROCCO_REGIONS_2015.flatMap((region) => region.provinces);

describe('MOROCCO_REGIONS_2015', () => {
  it('has the 12 regions MA-01 to MA-12, ordered by code', () => {
    const expected = Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`);
    expect(MOROCCO_REGIONS_2015.map((region) => region.code)).toEqual(expected);
  });

  it('has 75 prefectures and provinces in total (13 prefectures, 62 provinces)', () => {
    expect(allProvinces).toHaveLength(75);
    expect(allProvinces.filter((province) => province.kind === 'PREFECTURE')).toHaveLength(13);
    expect(allProvinces.filter((province) => province.kind === 'PROVINCE')).toHaveLength(62);
  });

  it('has unique codes across regions, prefectures and provinces', () => {
    const codes = [...MOROCCO_REGIONS_2015, ...allProvinces].map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('uses ISO 3166-2:MA three-letter subdivision codes for prefectures and provinces', () => {
    for (const province of allProvinces) {
      expect(province.code).toMatch(/^MA-[A-Z]{3}$/);
    }
  });

  it('has non-empty names and Arabic names in Arabic script', () => {
    for (const entry of [...MOROCCO_REGIONS_2015, ...allProvinces]) {
      expect(entry.nameFr.trim()).not.toBe('');
      expect(entry.nameAr.trim()).not.toBe('');
      expect(entry.nameAr).toMatch(ARABIC_SCRIPT);
    }
  });

  it('gives Casablanca-Settat (MA-06) exactly its 9 prefectures and provinces', () => {
    const casablancaSettat = MOROCCO_REGIONS_2015.find((region) => region.code === 'MA-06');
    const codes = casablancaSettat?.provinces.map((province) => province.code) ?? [];
    expect(casablancaSettat?.nameFr).toBe('Casablanca-Settat');
    expect([...codes].sort()).toEqual([...CASABLANCA_SETTAT_CODES].sort());
  });
});

describe('CATEGORIES_V1', () => {
  it('has unique kebab-case codes', () => {
    const codes = CATEGORIES_V1.map((category) => category.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(KEBAB_CASE);
    }
  });

  it('only references earlier top-level categories as parents', () => {
    const seenTopLevel = new Set<string>();
    for (const category of CATEGORIES_V1) {
      if (category.parentCode === null) {
        seenTopLevel.add(category.code);
      } else {
        expect(seenTopLevel.has(category.parentCode)).toBe(true);
      }
    }
  });

  it('numbers sibling positions 0, 1, 2...', () => {
    const positionsByParent = new Map<string | null, number[]>();
    for (const category of CATEGORIES_V1) {
      const siblings = positionsByParent.get(category.parentCode) ?? [];
      siblings.push(category.position);
      positionsByParent.set(category.parentCode, siblings);
    }
    for (const positions of positionsByParent.values()) {
      expect([...positions].sort((a, b) => a - b)).toEqual(positions.map((_, i) => i));
    }
  });

  it('has non-empty names and Arabic names in Arabic script', () => {
    for (const category of CATEGORIES_V1) {
      expect(category.nameFr.trim()).not.toBe('');
      expect(category.nameAr.trim()).not.toBe('');
      expect(category.nameEn.trim()).not.toBe('');
      expect(category.nameAr).toMatch(ARABIC_SCRIPT);
    }
  });
});
