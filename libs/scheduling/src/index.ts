export * from './lib/dates';
export * from './lib/holidays';
export * from './lib/policy';
export * from './lib/rules';
export * from './lib/slots';
export * from './lib/cadence';
