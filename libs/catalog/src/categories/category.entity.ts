import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** A product category with names in French, Arabic and English; two levels (parent, child). */
@Entity('categories')
export class CategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'PK_categories' })
  code!: string;

  @Index('IDX_categories_parent_code')
  @Column({ name: 'parent_code', type: 'varchar', length: 64, nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_code', foreignKeyConstraintName: 'FK_categories_parent' })
  parent?: CategoryEntity | null;

  @Column({ name: 'name_fr', type: 'text' })
  nameFr!: string;

  @Column({ name: 'name_ar', type: 'text' })
  nameAr!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  @Column({ type: 'smallint' })
  position!: number;
}
