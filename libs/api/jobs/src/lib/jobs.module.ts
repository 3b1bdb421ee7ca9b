import { Global, Module } from '@nestjs/common';
import { QueueService } from './queue.service';
import { QueuesController } from './queues.controller';

@Global()
@Module({ providers: [QueueService], controllers: [QueuesController], exports: [QueueService] })
export class JobsModule {}
