export * from './lib/comment-dialog';
export * from './lib/confirm-dialog';
export * from './lib/field-error';
export * from './lib/list-page';
export * from './lib/list-query';
export * from './lib/loadable';
export * from './lib/loading';
