import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@taawoun/identity';
import { PartnerOrganizationEntity } from './partner-organization.entity.js';

/** A user working for a partner organisation (who holds the PARTNER platform role). */
@Entity('partner_members')
@Index('IDX_partner_members_user', ['userId'])
export class PartnerMemberEntity {
  @PrimaryColumn({ name: 'partner_id', type: 'uuid', primaryKeyConstraintName: 'PK_partner_members' })
  partnerId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_partner_members' })
  userId!: string;

  @ManyToOne(() => PartnerOrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id', foreignKeyConstraintName: 'FK_partner_members_partner' })
  partner?: PartnerOrganizationEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_partner_members_user' })
  user?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
