import { Module, type OnModuleInit } from '@nestjs/common';
import { AssetsModule } from '@taawoun/assets';
import { Jobs } from '@taawoun/core';
import { CooperativesModule } from '@taawoun/cooperatives';
import { CooperativeScopeRegistry } from '@taawoun/identity';
import { CatalogAccess } from './catalog-access.js';
import { CategoryRepository } from './categories/category.repository.js';
import { CertificationRepository } from './certifications/certification.repository.js';
import { ProductRepository } from './products/product.repository.js';
import { VariantRepository } from './variants/variant.repository.js';
import { CatalogLoaders } from './catalog.loaders.js';
import { CategoryResolver } from './categories/category.resolver.js';
import { CategoryService } from './categories/category.service.js';
import { CertificationResolver } from './certifications/certification.resolver.js';
import {
  CERTIFICATION_REMINDER_JOB,
  CertificationService,
  moroccoToday,
} from './certifications/certification.service.js';
import { CooperativeProductsResolver } from './products/cooperative-products.resolver.js';
import { ProductConnectionResolver } from './products/product-connection.resolver.js';
import { ProductFieldsResolver } from './products/product-fields.resolver.js';
import { ProductResolver } from './products/product.resolver.js';
import { ProductService } from './products/product.service.js';
import { ProductSearchRepository } from './search/product-search.repository.js';
import { ProductSearchService } from './search/product-search.service.js';
import { FacetSummaryRepository } from './search/facet-summary.repository.js';

/** Recomputes the catalogue's facet summary (exact totals and facets of the common filters). */
export const FACET_SUMMARY_REFRESH_JOB = 'catalog.refresh-facet-summary';
import { VariantResolver } from './variants/variant.resolver.js';
import { VariantService } from './variants/variant.service.js';
import { StockRepository } from './variants/stock.repository.js';
import { StockService } from './variants/stock.service.js';

/** Categories, products, variants, stock, certifications and search. */
@Module({
  imports: [CooperativesModule, AssetsModule],
  providers: [
    CategoryRepository,
    ProductRepository,
    VariantRepository,
    CertificationRepository,
    CategoryService,
    CategoryResolver,
    CatalogAccess,
    CatalogLoaders,
    ProductService,
    ProductSearchService,
    ProductSearchRepository,
    FacetSummaryRepository,
    VariantService,
    StockRepository,
    StockService,
    CertificationService,
    ProductResolver,
    ProductFieldsResolver,
    ProductConnectionResolver,
    CooperativeProductsResolver,
    VariantResolver,
    CertificationResolver,
  ],
  exports: [
    CategoryService,
    ProductService,
    VariantService,
    StockService,
    CertificationService,
    CatalogLoaders,
    ProductRepository,
    VariantRepository,
    CertificationRepository,
  ],
})
export class CatalogModule implements OnModuleInit {
  constructor(
    private readonly scopes: CooperativeScopeRegistry,
    private readonly products: ProductService,
    private readonly variants: VariantService,
    private readonly certifications: CertificationService,
    private readonly jobs: Jobs,
    private readonly facetSummary: FacetSummaryRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    this.scopes.register('product', (id) => this.products.cooperativeOf(id));
    this.scopes.register('variant', (id) => this.variants.cooperativeOf(id));
    this.scopes.register('certification', (id) => this.certifications.cooperativeOf(id));
    // Every morning in Morocco; idempotent, so a retry or a second replica reminds nobody twice.
    await this.jobs.register(
      CERTIFICATION_REMINDER_JOB,
      async () => {
        await this.certifications.remindExpiringCertifications(moroccoToday());
      },
      { cron: '0 7 * * *' },
    );
    // Each minute (pg-boss schedules one job per minute whatever the number of workers; two
    // refreshes that still meet run one after the other). No retry: the next minute is one.
    await this.jobs.register(FACET_SUMMARY_REFRESH_JOB, () => this.facetSummary.refresh(), {
      cron: '* * * * *',
      retryLimit: 0,
    });
  }
}
