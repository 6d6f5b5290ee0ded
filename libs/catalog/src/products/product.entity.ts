import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { LanguageCode } from '@taawoun/core';
import { CooperativeEntity } from '@taawoun/cooperatives';
import { CategoryEntity } from '../categories/category.entity.js';
import { ProductStatus } from './product-status.js';

/**
 * A product of a cooperative. Translations are columns (the contract has exactly three
 * languages); the name in `default_language` is required. `search_document` and `search_text`
 * are maintained by a trigger from the names and descriptions (see the CatalogProducts
 * migration); `min/max_price_amount` by a trigger on its variants, for sorting by price.
 */
@Entity('products')
@Unique('UQ_products_slug', ['slug'])
@Check('CHK_products_status', `"status" IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')`)
@Check('CHK_products_default_language', `"default_language" IN ('fr', 'ar', 'en')`)
@Check(
  'CHK_products_default_name',
  `("default_language" = 'fr' AND "name_fr" IS NOT NULL) OR ("default_language" = 'ar' AND "name_ar" IS NOT NULL) OR ("default_language" = 'en' AND "name_en" IS NOT NULL)`,
)
@Index('IDX_products_search_document', { synchronize: false })
@Index('IDX_products_search_text_trgm', { synchronize: false })
@Index('IDX_products_newest', ['createdAt', 'id'])
@Index('IDX_products_min_price', ['minPriceAmount', 'id'])
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_products' })
  id!: string;

  @Index('IDX_products_cooperative_id')
  @Column({ name: 'cooperative_id', type: 'uuid' })
  cooperativeId!: string;

  @ManyToOne(() => CooperativeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cooperative_id', foreignKeyConstraintName: 'FK_products_cooperative' })
  cooperative?: CooperativeEntity;

  @Index('IDX_products_category_code')
  @Column({ name: 'category_code', type: 'varchar', length: 64 })
  categoryCode!: string;

  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_code', foreignKeyConstraintName: 'FK_products_category' })
  category?: CategoryEntity;

  @Column({ type: 'varchar', length: 160 })
  slug!: string;

  @Column({ type: 'varchar', length: 16, default: ProductStatus.DRAFT })
  status!: ProductStatus;

  @Column({ name: 'default_language', type: 'varchar', length: 2 })
  defaultLanguage!: LanguageCode;

  @Column({ name: 'name_fr', type: 'text', nullable: true })
  nameFr!: string | null;

  @Column({ name: 'name_ar', type: 'text', nullable: true })
  nameAr!: string | null;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn!: string | null;

  @Column({ name: 'description_fr', type: 'text', nullable: true })
  descriptionFr!: string | null;

  @Column({ name: 'description_ar', type: 'text', nullable: true })
  descriptionAr!: string | null;

  @Column({ name: 'description_en', type: 'text', nullable: true })
  descriptionEn!: string | null;

  /** The lowest variant price, kept by a trigger on product_variants (sort key of PRICE_ASC/DESC). */
  @Column({ name: 'min_price_amount', type: 'integer', default: 0 })
  minPriceAmount!: number;

  @Column({ name: 'max_price_amount', type: 'integer', default: 0 })
  maxPriceAmount!: number;

  /** Full-text document over every name and description, unaccented, without Arabic diacritics. */
  @Column({
    name: 'search_document',
    type: 'tsvector',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  searchDocument?: string | null;

  /** The same text as one normalised string, for trigram (typo-tolerant) matching. */
  @Column({ name: 'search_text', type: 'text', nullable: true, select: false, insert: false, update: false })
  searchText?: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
