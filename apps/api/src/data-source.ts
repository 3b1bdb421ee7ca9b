/**
 * The DataSource for TypeORM's CLI: `npm run migration:generate -- <Name>`
 * compares these entities with a database migrated to the latest version and
 * writes the difference as a new migration; `npm run migration:run` and
 * `migration:revert` apply and undo. The application itself migrates at start
 * (`prepareDatabase`), under an advisory lock, from the same MIGRATIONS list.
 */
import 'reflect-metadata';
import { AuditEntryEntity } from '@stint/api-audit';
import { UserEntity } from '@stint/api-auth';
import { PlacementEntity, RequestApprovalEntity, RotationRequestEntity } from '@stint/api-booking';
import { CheckInAssessmentEntity, CheckInEntity, CheckInFeedbackEntity } from '@stint/api-checkins';
import { MIGRATIONS } from '@stint/api-core';
import { NotificationEntity } from '@stint/api-notifications';
import { BlackoutEntity, PolicyEntity, TeamEntity } from '@stint/api-programme';
import { DataSource } from 'typeorm';

export const ENTITIES = [
  UserEntity,
  TeamEntity,
  PolicyEntity,
  BlackoutEntity,
  RotationRequestEntity,
  RequestApprovalEntity,
  PlacementEntity,
  CheckInEntity,
  CheckInFeedbackEntity,
  CheckInAssessmentEntity,
  NotificationEntity,
  AuditEntryEntity,
];

export default new DataSource({
  type: 'postgres',
  url: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/stint',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsTableName: 'migrations',
  migrationsTransactionMode: 'each',
  synchronize: false,
  logging: ['error'],
});
