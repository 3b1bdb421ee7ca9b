import type { NotificationKind, NotificationRecord, NotificationStatus } from '@stint/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface StoredAttachment {
  filename: string;
  contentType: string;
  content: string;
}

@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: NotificationKind;
  @Column({ type: 'text' }) recipient!: string;
  @Column({ name: 'recipient_id', type: 'uuid', nullable: true }) recipientId!: string | null;
  @Column({ type: 'text' }) subject!: string;
  @Column({ name: 'body_text', type: 'text' }) bodyText!: string;
  @Column({ name: 'body_html', type: 'text' }) bodyHtml!: string;
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` }) attachments!: StoredAttachment[];
  @Column({ type: 'text', default: 'pending' }) status!: NotificationStatus;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'message_id', type: 'text', nullable: true }) messageId!: string | null;
  @Column({ name: 'dedupe_key', type: 'text' }) dedupeKey!: string;
  @Column({ name: 'related_type', type: 'text', nullable: true }) relatedType!: string | null;
  @Column({ name: 'related_id', type: 'uuid', nullable: true }) relatedId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true }) nextAttemptAt!: Date | null;
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true }) claimedUntil!: Date | null;
  @Column({ name: 'first_failed_at', type: 'timestamptz', nullable: true }) firstFailedAt!: Date | null;
  @Column({ name: 'permanent_failure', type: 'boolean', default: false }) permanentFailure!: boolean;
}

export function toNotificationRecord(n: NotificationEntity): NotificationRecord {
  return {
    id: n.id,
    kind: n.kind,
    recipient: n.recipient,
    subject: n.subject,
    status: n.status,
    attempts: n.attempts,
    lastError: n.lastError,
    createdAt: n.createdAt.toISOString(),
    sentAt: n.sentAt ? n.sentAt.toISOString() : null,
    dedupeKey: n.dedupeKey,
    nextAttemptAt: n.status === 'pending' && n.nextAttemptAt ? n.nextAttemptAt.toISOString() : null,
    permanentFailure: n.permanentFailure,
  };
}
