export * from './lib/pm.routes';
