import { Injectable } from '@nestjs/common';
import { Db } from '@taawoun/core';
import { CategoryEntity } from './category.entity.js';
import type { CategoryModel } from './category.model.js';

/** Product categories: reference data, changed through migrations. */
@Injectable()
export class CategoryService {
  constructor(private readonly db: Db) {}

  /** Parents first, then their children, each level by position. */
  async categories(): Promise<CategoryModel[]> {
    return this.db.query<CategoryModel>(
      `SELECT c.code, c.parent_code AS "parentCode", c.name_fr AS "nameFr", c.name_ar AS "nameAr", c.name_en AS "nameEn"
         FROM categories c LEFT JOIN categories p ON p.code = c.parent_code
        ORDER BY COALESCE(p.position, c.position), c.parent_code NULLS FIRST, c.position`,
    );
  }

  async exists(code: string): Promise<boolean> {
    return (await this.db.repo(CategoryEntity).countBy({ code })) > 0;
  }
}
