import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LanguageCode } from '@taawoun/core';

export type EmailStatus = 'pending' | 'sent';

/**
 * One e-mail to send, written in the same transaction as the change that causes it and
 * delivered afterwards by a job. The template and its parameters are kept, not the rendered
 * text, so a message is rendered once, at delivery.
 */
@Entity('email_outbox')
@Index('IDX_email_outbox_pending', ['createdAt'], { where: `status = 'pending'` })
export class EmailOutboxEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_email_outbox' })
  id!: string;

  @Column({ name: 'to_address', type: 'text' })
  toAddress!: string;

  @Column({ type: 'varchar', length: 2 })
  language!: LanguageCode;

  @Column({ type: 'varchar', length: 64 })
  template!: string;

  @Column({ type: 'jsonb' })
  params!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: EmailStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
