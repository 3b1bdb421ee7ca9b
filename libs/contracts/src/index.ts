export * from './lib/errors';
export * from './lib/paging';
export * from './lib/users';
export * from './lib/health';
export * from './lib/programme';
export * from './lib/rotations';
export * from './lib/rule-check';
export * from './lib/notifications';
