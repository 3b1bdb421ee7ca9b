import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@stint/api-core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { StoredAttachment } from './notification.entity';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: StoredAttachment[];
  /** Stable per notification, so a resend is recognisable as the same message. */
  messageId: string;
}

/**
 * Talks SMTP (SMTP_URL), or, when SMTP_URL is unset, writes each email as an
 * .eml file under var/mail/ so development needs no mail server.
 */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly logger = new Logger(MailerService.name);
  private readonly transport: Transporter;
  private readonly fileMode: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.fileMode = config.smtpUrl === null;
    this.transport = this.fileMode
      ? nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
      : nodemailer.createTransport({
          url: config.smtpUrl,
          // Reuse connections: a new SMTP session per email costs a greeting round-trip each time.
          pool: true,
          maxConnections: 5,
          maxMessages: 500,
          connectionTimeout: 10_000,
          greetingTimeout: 30_000,
          socketTimeout: 30_000,
        } as SMTPTransport.Options);
  }

  async send(email: OutgoingEmail): Promise<string> {
    const info = await this.transport.sendMail({
      from: this.config.mailFrom,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      attachments: email.attachments.map((a) => ({
        filename: a.filename,
        content: a.content,
        contentType: a.contentType,
      })),
      // The first invite also rides along as the calendar part mail clients act on.
      ...(email.attachments[0]?.contentType.startsWith('text/calendar') && {
        icalEvent: {
          method: /METHOD:CANCEL/.test(email.attachments[0].content) ? 'CANCEL' : 'REQUEST',
          content: email.attachments[0].content,
        },
      }),
    });
    if (this.fileMode) {
      const dir = join(this.config.varDir, 'mail');
      await mkdir(dir, { recursive: true });
      const file = join(
        dir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${email.messageId.replace(/[^\w.-]/g, '_')}.eml`,
      );
      await writeFile(file, info.message as Buffer);
      this.logger.log(`Wrote email "${email.subject}" for ${email.to} to ${file}.`);
    }
    return info.messageId;
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
