import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CertificationEntity } from '../certifications/certification.entity.js';
import { ProductEntity } from './product.entity.js';

/** Links a product to a certification of its own cooperative. */
@Entity('product_certifications')
export class ProductCertificationEntity {
  @PrimaryColumn({ name: 'product_id', type: 'uuid', primaryKeyConstraintName: 'PK_product_certifications' })
  productId!: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'FK_product_certifications_product' })
  product?: ProductEntity;

  @Index('IDX_product_certifications_certification_id')
  @PrimaryColumn({
    name: 'certification_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_product_certifications',
  })
  certificationId!: string;

  @ManyToOne(() => CertificationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'certification_id',
    foreignKeyConstraintName: 'FK_product_certifications_certification',
  })
  certification?: CertificationEntity;
}
