import { Injectable } from '@nestjs/common';
import { CategoryRepository } from './category.repository.js';
import type { CategoryModel } from './category.model.js';

/** Product categories: reference data, changed through migrations. */
@Injectable()
export class CategoryService {
  constructor(private readonly repository: CategoryRepository) {}

  /** Parents first, then their children, each level by position. */
  categories(): Promise<CategoryModel[]> {
    return this.repository.all();
  }

  exists(code: string): Promise<boolean> {
    return this.repository.exists(code);
  }
}
