export * from './lib/approval-nudge-jobs';
export * from './lib/approval-nudge.job';
export * from './lib/request-notices.service';
export * from './lib/request-notices.module';
