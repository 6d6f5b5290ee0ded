import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CooperativeRole } from '@taawoun/core';
import { UserEntity } from '@taawoun/identity';
import { CooperativeEntity } from '../cooperatives/cooperative.entity.js';

/**
 * An invitation to join a cooperative, sent to an e-mail address. EXPIRED is not stored: it is a
 * PENDING invitation past `expiresAt`. At most one PENDING invitation per cooperative and address
 * (a partial unique index, kept by its migration).
 */
@Entity('cooperative_invitations')
@Check('CHK_cooperative_invitations_status', `"status" IN ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED')`)
@Check('CHK_cooperative_invitations_role', `"role" IN ('OWNER', 'MANAGER', 'STAFF')`)
@Index('UQ_cooperative_invitations_pending', { synchronize: false })
@Index('IDX_cooperative_invitations_cooperative', ['cooperativeId', 'createdAt'])
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_cooperative_invitations' })
  id!: string;

  @Column({ name: 'cooperative_id', type: 'uuid' })
  cooperativeId!: string;

  @ManyToOne(() => CooperativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cooperative_id', foreignKeyConstraintName: 'FK_cooperative_invitations_cooperative' })
  cooperative?: CooperativeEntity;

  @Index('IDX_cooperative_invitations_email')
  @Column({ type: 'citext' })
  email!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: CooperativeRole;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status!: string;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'FK_cooperative_invitations_invited_by' })
  inviter?: UserEntity;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
