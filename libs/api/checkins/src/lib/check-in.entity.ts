import type { CheckInKind } from '@stint/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

// The schema as the migrations made it (libs/api/core/src/lib/database/migrations); the schema-drift test keeps them equal.
@Entity('check_ins')
@Check('check_ins_kind_check', `kind IN ('kickoff', 'weekly', 'midpoint', 'final', 'follow_up')`)
@Check('check_ins_rating_negotiation_check', `rating_negotiation BETWEEN 1 AND 5`)
@Check('check_ins_rating_closing_check', `rating_closing BETWEEN 1 AND 5`)
@Check('check_ins_rating_persistence_check', `rating_persistence BETWEEN 1 AND 5`)
@Check(
  'check_ins_ratings_complete',
  `(completed_at IS NULL AND rating_negotiation IS NULL AND rating_closing IS NULL AND rating_persistence IS NULL)
    OR (completed_at IS NOT NULL AND rating_negotiation IS NOT NULL AND rating_closing IS NOT NULL AND rating_persistence IS NOT NULL)`,
)
@Check('check_ins_not_both', `completed_at IS NULL OR cancelled_at IS NULL`)
@Index('check_ins_placement_idx', ['placementId', 'scheduledAt'])
@Index('check_ins_open_idx', ['scheduledAt'], { where: 'completed_at IS NULL AND cancelled_at IS NULL' })
@Index('check_ins_scheduled_idx', ['scheduledAt', 'id'])
export class CheckInEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'placement_id', type: 'uuid' })
  @ForeignKey('placements', { name: 'check_ins_placement_id_fkey', onDelete: 'CASCADE' })
  placementId!: string;
  @Column({ type: 'text' }) kind!: CheckInKind;
  @Column({ name: 'due_date', type: 'date' }) dueDate!: string;
  @Column({ name: 'scheduled_at', type: 'timestamptz' }) scheduledAt!: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ name: 'rating_negotiation', type: 'smallint', nullable: true }) ratingNegotiation!: number | null;
  @Column({ name: 'rating_closing', type: 'smallint', nullable: true }) ratingClosing!: number | null;
  @Column({ name: 'rating_persistence', type: 'smallint', nullable: true }) ratingPersistence!: number | null;
  @Column({ type: 'text', default: '' }) notes!: string;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  @Column({ name: 'invite_sequence', type: 'integer', default: 0 }) inviteSequence!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('check_in_feedback')
@Check('check_in_feedback_text_check', `length(text) BETWEEN 1 AND 4000`)
@Index('check_in_feedback_check_in_idx', ['checkInId', 'at'])
export class CheckInFeedbackEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'check_in_id', type: 'uuid' })
  @ForeignKey('check_ins', { name: 'check_in_feedback_check_in_id_fkey', onDelete: 'CASCADE' })
  checkInId!: string;
  @Column({ name: 'by_id', type: 'uuid' })
  @ForeignKey('users', { name: 'check_in_feedback_by_id_fkey', onDelete: 'RESTRICT' })
  byId!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
}
