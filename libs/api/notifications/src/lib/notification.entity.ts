import type { NotificationKind, NotificationRecord, NotificationStatus } from '@stint/contracts';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export interface StoredAttachment {
  filename: string;
  contentType: string;
  content: string;
}

// The schema as the migrations made it (libs/api/core/src/lib/database/migrations); the schema-drift test keeps them equal.
@Entity('notifications')
@Unique('notifications_dedupe_key_key', ['dedupeKey'])
@Check(
  'notifications_kind_check',
  `kind IN ('request_submitted', 'request_pending_host', 'request_rejected', 'approval_reminder',
    'approval_escalated', 'booked', 'checkin_reminder', 'checkin_overdue', 'rescheduled', 'cancelled', 'digest',
    'waitlisted', 'offer_made', 'offer_lapsed', 'offer_accepted', 'proposal_made', 'proposal_accepted',
    'proposal_declined')`,
)
@Check('notifications_status_check', `status IN ('pending', 'sent', 'failed')`)
@Index('notifications_status_idx', ['status', 'createdAt'])
@Index('notifications_kind_idx', ['kind', 'createdAt'])
@Index('notifications_recipient_idx', ['recipient'])
@Index('notifications_pending_idx', ['createdAt'], { where: `status = 'pending'` })
@Index('notifications_related_idx', ['relatedId', 'kind'], { where: 'related_id IS NOT NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: NotificationKind;
  @Column({ type: 'text' }) recipient!: string;
  @Column({ name: 'recipient_id', type: 'uuid', nullable: true })
  @ForeignKey('users', { name: 'notifications_recipient_id_fkey', onDelete: 'SET NULL' })
  recipientId!: string | null;
  @Column({ type: 'text' }) subject!: string;
  @Column({ name: 'body_text', type: 'text' }) bodyText!: string;
  @Column({ name: 'body_html', type: 'text' }) bodyHtml!: string;
  @Column({ type: 'jsonb', default: [] }) attachments!: StoredAttachment[];
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
