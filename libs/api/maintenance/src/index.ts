export * from './lib/reconcile.job';
export * from './lib/daily-digest.job';
export * from './lib/maintenance.module';
