import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { containsPattern, PageWindow } from '@stint/api-core';
import type { NotificationKind, NotificationRecord, NotificationStatus } from '@stint/contracts';
import { DataSource } from 'typeorm';
import { NotificationEntity, toNotificationRecord } from './notification.entity';

export interface EmailLogFilter {
  kind?: NotificationKind;
  status?: NotificationStatus;
  /** Part of the recipient's address, case-insensitive. */
  recipient?: string;
}

/** Reads of the email log (the notifications table) for admins and for /api/metrics. */
@Injectable()
export class EmailLogRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One page of the log, newest first, and how many emails match in all. */
  async page(filter: EmailLogFilter, window: PageWindow): Promise<[NotificationRecord[], number]> {
    const query = this.db
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC');
    if (filter.kind) query.andWhere('n.kind = :kind', { kind: filter.kind });
    if (filter.status) query.andWhere('n.status = :status', { status: filter.status });
    if (filter.recipient)
      query.andWhere('n.recipient ILIKE :recipient', { recipient: containsPattern(filter.recipient) });
    const [rows, total] = await query.skip(window.offset).take(window.pageSize).getManyAndCount();
    return [rows.map(toNotificationRecord), total];
  }

  /** How many recorded emails there are in each status. */
  countByStatus(): Promise<Array<{ status: string; n: number }>> {
    return this.db.query(`SELECT status, count(*)::int AS n FROM notifications GROUP BY status`);
  }

  /** What an email says, as sent: its HTML body, or null when there is no such email. */
  async bodyOf(id: string): Promise<string | null> {
    const rows = (await this.db.query(`SELECT body_html FROM notifications WHERE id = $1`, [id])) as Array<{
      body_html: string;
    }>;
    return rows[0]?.body_html ?? null;
  }
}
