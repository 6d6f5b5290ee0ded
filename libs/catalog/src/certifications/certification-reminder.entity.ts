import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { CertificationEntity } from './certification.entity.js';

/**
 * One reminder sent for a certification before it expires. Unique per certification and
 * expiry date, so the daily job may run any number of times (or on several replicas) and a
 * renewed certificate (new expiry) gets its own reminder.
 */
@Entity('certification_reminders')
@Unique('UQ_certification_reminders_expiry', ['certificationId', 'expiresOn'])
export class CertificationReminderEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_certification_reminders' })
  id!: string;

  @Column({ name: 'certification_id', type: 'uuid' })
  certificationId!: string;

  @ManyToOne(() => CertificationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'certification_id',
    foreignKeyConstraintName: 'FK_certification_reminders_certification',
  })
  certification?: CertificationEntity;

  @Column({ name: 'expires_on', type: 'date' })
  expiresOn!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
