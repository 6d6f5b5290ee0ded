import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { RegionEntity } from './region.entity.js';

export type ProvinceKind = 'PROVINCE' | 'PREFECTURE';

/** A province or prefecture, keyed by its ISO 3166-2:MA code (MA-JDI). */
@Entity('provinces')
@Check('CHK_provinces_kind', `"kind" IN ('PROVINCE', 'PREFECTURE')`)
export class ProvinceEntity {
  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'PK_provinces' })
  code!: string;

  @Index('IDX_provinces_region_code')
  @Column({ name: 'region_code', type: 'varchar', length: 8 })
  regionCode!: string;

  @ManyToOne('RegionEntity', (region: RegionEntity) => region.provinces, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'FK_provinces_region' })
  region?: RegionEntity;

  @Column({ name: 'name_fr', type: 'text' })
  nameFr!: string;

  @Column({ name: 'name_ar', type: 'text' })
  nameAr!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ProvinceKind;
}
