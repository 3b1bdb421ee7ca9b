import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '@stint/api-jobs';
import { EmailSenderService } from './email-sender.service';
import { MailerService } from './mailer.service';
import { NotificationEntity } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { OutboxService } from './outbox.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), JobsModule],
  controllers: [NotificationsController],
  providers: [OutboxService, MailerService, EmailSenderService],
  exports: [OutboxService, MailerService, EmailSenderService],
})
export class NotificationsModule {}
