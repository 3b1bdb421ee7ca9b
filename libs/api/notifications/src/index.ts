export * from './lib/notification.entity';
export * from './lib/email-layout';
export * from './lib/calendar';
export * from './lib/mailer.service';
export * from './lib/outbox.service';
export * from './lib/email-sender.service';
export * from './lib/notifications.module';
