export * from './lib/stats.service';
export * from './lib/stats.module';
