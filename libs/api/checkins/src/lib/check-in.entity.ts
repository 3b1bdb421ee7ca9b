import type { CheckInKind } from '@stint/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('check_ins')
export class CheckInEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'placement_id', type: 'uuid' }) placementId!: string;
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
export class CheckInFeedbackEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'check_in_id', type: 'uuid' }) checkInId!: string;
  @Column({ name: 'by_id', type: 'uuid' }) byId!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
}
