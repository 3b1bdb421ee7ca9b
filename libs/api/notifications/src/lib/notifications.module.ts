import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '@stint/api-jobs';
import { EmailLogRepository } from './email-log.repository';
import { EmailMetrics } from './email-metrics';
import { EmailSenderService } from './email-sender.service';
import { MailerService } from './mailer.service';
import { NotificationEntity } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { OutboxService } from './outbox.service';
import { OutboxSweeper } from './outbox-sweeper.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), JobsModule],
  controllers: [NotificationsController],
  providers: [OutboxService, MailerService, EmailSenderService, EmailLogRepository, EmailMetrics, OutboxSweeper],
  exports: [OutboxService, MailerService, EmailSenderService, OutboxSweeper],
})
export class NotificationsModule {}
