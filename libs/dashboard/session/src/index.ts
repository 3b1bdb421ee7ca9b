export * from './lib/session.service';
export * from './lib/auth.interceptor';
export * from './lib/guards';
export * from './lib/api-error';
