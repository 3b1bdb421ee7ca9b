import { Module } from '@nestjs/common';
import { DailyDigestJob } from './daily-digest.job';
import { ReconcileJob } from './reconcile.job';

/**
 * The maintenance jobs the worker runs on a schedule. Needs the global core,
 * TypeORM, jobs and notifications modules; the worker wires the job names to
 * these handlers.
 */
@Module({
  providers: [ReconcileJob, DailyDigestJob],
  exports: [ReconcileJob, DailyDigestJob],
})
export class MaintenanceModule {}
