import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LanguageCode, pickLanguage } from '@taawoun/core';
import { Policy } from '@taawoun/identity';
import { CategoryModel } from './category.model.js';
import { CategoryService } from './category.service.js';

@Resolver(() => CategoryModel)
export class CategoryResolver {
  constructor(private readonly categories: CategoryService) {}

  @Query(() => [CategoryModel], { name: 'categories', description: 'Every product category, parents first.' })
  @Policy.public()
  list(): Promise<CategoryModel[]> {
    return this.categories.categories();
  }

  @ResolveField(() => String)
  name(
    @Parent() category: CategoryModel,
    @Args('languageCode', { type: () => LanguageCode, nullable: true }) language?: LanguageCode,
  ): string {
    return pickLanguage({ fr: category.nameFr, ar: category.nameAr, en: category.nameEn }, language);
  }
}
