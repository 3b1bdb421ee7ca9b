import type { CheckInKind, GoalOutcome } from '@stint/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

// The schema as the migrations made it (libs/api/core/src/lib/database/migrations); the schema-drift test keeps them equal.
@Entity('check_ins')
@Check('check_ins_kind_check', `kind IN ('kickoff', 'weekly', 'midpoint', 'final', 'follow_up', 'pulse')`)
@Check('check_ins_pulse_answer_check', `kind = 'pulse' OR would_send_again IS NULL`)
@Check('check_ins_goal_outcomes_check', `kind = 'final' OR goal_outcomes IS NULL`)
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
@Index('check_ins_open_updated_idx', ['updatedAt'], { where: 'completed_at IS NULL AND cancelled_at IS NULL' })
@Index('check_ins_scheduled_idx', ['scheduledAt', 'id'])
@Index('check_ins_kind_placement_idx', ['kind', 'placementId'])
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
  /** Ratings of the skills an admin added beyond the core three. */
  @Column({ name: 'extra_ratings', type: 'jsonb', default: {} }) extraRatings!: Record<string, number>;
  @Column({ type: 'text', default: '' }) notes!: string;
  /** A pulse's answer: would the line manager send another PM? */
  @Column({ name: 'would_send_again', type: 'boolean', nullable: true }) wouldSendAgain!: boolean | null;
  /** The final check-in's learning goals, revisited. */
  @Column({ name: 'goal_outcomes', type: 'jsonb', nullable: true }) goalOutcomes!: GoalOutcome[] | null;
  /** Who filed it: the PM, or for a pulse the line manager. */
  @Column({ name: 'completed_by', type: 'uuid', nullable: true })
  @ForeignKey('users', { name: 'check_ins_completed_by_fkey', onDelete: 'SET NULL' })
  completedBy!: string | null;
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

/** The host manager's assessment at a final check-in: one per check-in. */
@Entity('check_in_assessments')
@Check('check_in_assessments_notes_check', `length(notes) <= 10000`)
export class CheckInAssessmentEntity {
  @PrimaryColumn({ name: 'check_in_id', type: 'uuid' })
  @ForeignKey('check_ins', { name: 'check_in_assessments_check_in_id_fkey', onDelete: 'CASCADE' })
  checkInId!: string;
  @Column({ name: 'by_id', type: 'uuid' })
  @ForeignKey('users', { name: 'check_in_assessments_by_id_fkey', onDelete: 'RESTRICT' })
  byId!: string;
  @Column({ type: 'jsonb' }) ratings!: Record<string, number>;
  @Column({ type: 'text', default: '' }) notes!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
