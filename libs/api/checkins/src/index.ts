export * from './lib/check-in.entity';
export * from './lib/check-in-status';
export * from './lib/check-in-lifecycle';
export * from './lib/check-ins.service';
export * from './lib/check-in-jobs.service';
export * from './lib/reminder-scheduler.service';
export * from './lib/stats.service';
export * from './lib/checkins.module';
