export * from './lib/job-names';
export * from './lib/job-options';
export * from './lib/queue.service';
export * from './lib/jobs.module';
export * from './lib/queues.controller';
