import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';
import type { ProvinceEntity } from './province.entity.js';

/** One of Morocco's 12 regions (2015 division), keyed by its ISO 3166-2:MA code (MA-06). */
@Entity('regions')
export class RegionEntity {
  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'PK_regions' })
  code!: string;

  @Column({ name: 'name_fr', type: 'text' })
  nameFr!: string;

  @Column({ name: 'name_ar', type: 'text' })
  nameAr!: string;

  @Column({ type: 'smallint' })
  position!: number;

  @OneToMany('ProvinceEntity', (province: ProvinceEntity) => province.region)
  provinces?: ProvinceEntity[];
}
