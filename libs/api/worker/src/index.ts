export * from './lib/worker.module';
export * from './lib/heartbeat';
export * from './lib/watchdog';
