import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';

export interface CategoryRow {
  code: string;
  parentCode: string | null;
  nameFr: string;
  nameAr: string;
  nameEn: string;
}

const CATEGORY_COLUMNS = `c.code, c.parent_code AS "parentCode", c.name_fr AS "nameFr", c.name_ar AS "nameAr", c.name_en AS "nameEn"`;

export const CATEGORY_SQL = {
  /** Parents first, then their children, each level by position. */
  all: `SELECT ${CATEGORY_COLUMNS}
          FROM categories c LEFT JOIN categories p ON p.code = c.parent_code
         ORDER BY COALESCE(p.position, c.position), c.parent_code NULLS FIRST, c.position`,
  byCodes: `SELECT ${CATEGORY_COLUMNS} FROM categories c WHERE c.code = ANY($1::text[])`,
  exists: `SELECT EXISTS (SELECT 1 FROM categories WHERE code = $1::text) AS exists`,
} as const;

/** Every statement on `categories` (reference data, changed through migrations). */
@Injectable()
export class CategoryRepository {
  constructor(private readonly db: Db) {}

  all(): Promise<CategoryRow[]> {
    return this.db.query<CategoryRow>(CATEGORY_SQL.all);
  }

  byCodes(codes: readonly string[]): Promise<CategoryRow[]> {
    return this.db.query<CategoryRow>(CATEGORY_SQL.byCodes, [codes]);
  }

  async exists(code: string): Promise<boolean> {
    const [row] = await this.db.query<{ exists: boolean }>(CATEGORY_SQL.exists, [code]);
    return row.exists;
  }
}
