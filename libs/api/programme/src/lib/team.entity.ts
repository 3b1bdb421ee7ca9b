import type { Team } from '@stint/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

// The schema as the migrations made it (libs/api/core/src/lib/database/migrations); the schema-drift test keeps them equal.
@Entity('teams')
@Unique('teams_name_key', ['name'])
@Check('teams_name_check', `length(name) BETWEEN 1 AND 120`)
@Check('teams_capacity_check', `capacity >= 1 AND capacity <= 1000`)
@Index('teams_manager_id_idx', ['managerId'])
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'citext' }) name!: string;
  @Column({ type: 'text', default: '' }) region!: string;
  @Column({ type: 'text', default: '' }) segment!: string;
  @Column({ name: 'manager_id', type: 'uuid' })
  @ForeignKey('users', { name: 'teams_manager_id_fkey', onDelete: 'RESTRICT' })
  managerId!: string;
  @Column({ type: 'integer' }) capacity!: number;
  @Column({ type: 'text', default: 'UTC' }) timezone!: string;
  @Column({ name: 'holiday_country', type: 'text', nullable: true }) holidayCountry!: string | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export function toTeam(e: TeamEntity): Team {
  return {
    id: e.id,
    name: e.name,
    region: e.region,
    segment: e.segment,
    managerId: e.managerId,
    capacity: e.capacity,
    timezone: e.timezone,
    holidayCountry: e.holidayCountry,
    active: e.active,
  };
}
