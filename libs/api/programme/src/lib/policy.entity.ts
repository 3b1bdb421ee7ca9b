import type { ProgrammePolicy } from '@stint/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('policy')
export class PolicyEntity {
  @PrimaryColumn({ type: 'smallint' }) id!: number;
  @Column({ name: 'min_weeks', type: 'integer' }) minWeeks!: number;
  @Column({ name: 'max_weeks', type: 'integer' }) maxWeeks!: number;
  @Column({ name: 'checkin_time', type: 'text' }) checkinTime!: string;
  @Column({ name: 'reminder_lead_hours', type: 'integer' }) reminderLeadHours!: number;
  @Column({ name: 'overdue_after_hours', type: 'integer' }) overdueAfterHours!: number;
  @Column({ name: 'follow_up_days', type: 'integer' }) followUpDays!: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export function toPolicy(e: PolicyEntity): ProgrammePolicy {
  return {
    minWeeks: e.minWeeks,
    maxWeeks: e.maxWeeks,
    checkinTime: e.checkinTime,
    reminderLeadHours: e.reminderLeadHours,
    overdueAfterHours: e.overdueAfterHours,
    followUpDays: e.followUpDays,
  };
}
