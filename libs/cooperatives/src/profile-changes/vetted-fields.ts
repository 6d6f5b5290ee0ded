import type { Sector } from '../cooperatives/sector.js';

/** The facts an admin vets at approval; members' later edits to them wait for review. */
export interface VettedValues {
  name: string;
  registrationNumber: string;
  sector: Sector;
  provinceCode: string;
  foundedOn: string;
  memberCount: number;
  womenMemberCount: number | null;
  womenLed: boolean;
}

export type VettedField = keyof VettedValues;

/** Field → column of `cooperatives`. */
export const VETTED_COLUMNS: Readonly<Record<VettedField, string>> = {
  name: 'name',
  registrationNumber: 'registration_number',
  sector: 'sector',
  provinceCode: 'province_code',
  foundedOn: 'founded_on',
  memberCount: 'member_count',
  womenMemberCount: 'women_member_count',
  womenLed: 'women_led',
};

export const VETTED_FIELDS = Object.keys(VETTED_COLUMNS) as VettedField[];

/** The fields of `next` that differ from `current`. */
export function vettedDifferences(current: VettedValues, next: VettedValues): Partial<VettedValues> {
  const changed: Record<string, unknown> = {};
  for (const field of VETTED_FIELDS) {
    if (next[field] !== current[field]) changed[field] = next[field];
  }
  return changed;
}
