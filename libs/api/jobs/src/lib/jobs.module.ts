import { Global, Module } from '@nestjs/common';
import { JobRunsController } from './job-runs.controller';
import { JobWorkers } from './job-workers.service';
import { QueueService } from './queue.service';
import { QueuesController } from './queues.controller';

@Global()
@Module({
  providers: [QueueService, JobWorkers],
  controllers: [QueuesController, JobRunsController],
  exports: [QueueService, JobWorkers],
})
export class JobsModule {}
