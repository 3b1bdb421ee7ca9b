import type { RequestStatus } from '@stint/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('rotation_requests')
export class RotationRequestEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'pm_id', type: 'uuid' }) pmId!: string;
  @Column({ name: 'team_id', type: 'uuid' }) teamId!: string;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'end_date', type: 'date' }) endDate!: string;
  @Column({ name: 'duration_weeks', type: 'integer' }) durationWeeks!: number;
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` }) goals!: string[];
  @Column({ type: 'text', default: '' }) motivation!: string;
  @Column({ type: 'text' }) status!: RequestStatus;
  @Column({ name: 'placement_id', type: 'uuid', nullable: true }) placementId!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'pending_since', type: 'timestamptz' }) pendingSince!: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('request_approvals')
export class RequestApprovalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId!: string;
  @Column({ type: 'text' }) step!: 'manager' | 'host';
  @Column({ type: 'text' }) decision!: 'approved' | 'rejected';
  @Column({ name: 'by_id', type: 'uuid' }) byId!: string;
  @Column({ type: 'text', default: '' }) comment!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
}
