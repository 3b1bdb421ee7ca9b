export * from './lib/worker.module';
export * from './lib/heartbeat';
