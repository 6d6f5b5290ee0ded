import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A volunteer organisation (an IT federation, a design school...) that designs brand kits with cooperatives. */
@Entity('partner_organizations')
@Unique('UQ_partner_organizations_name', ['name'])
export class PartnerOrganizationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_partner_organizations' })
  id!: string;

  @Column({ type: 'citext' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
