export * from './lib/demo-plan';
export * from './lib/demo-seed.service';
export * from './lib/seed.module';
