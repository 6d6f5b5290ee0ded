import { Module } from '@nestjs/common';
import { CategoryResolver } from './categories/category.resolver.js';
import { CategoryService } from './categories/category.service.js';

/** Categories, products, variants, stock, certifications and search. */
@Module({ providers: [CategoryService, CategoryResolver], exports: [CategoryService] })
export class CatalogModule {}
