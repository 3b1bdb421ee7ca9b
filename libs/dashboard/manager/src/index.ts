export * from './lib/manager.routes';
