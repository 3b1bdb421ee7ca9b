import { Injectable, OnModuleInit } from '@nestjs/common';
import { MetricsService } from '@stint/api-core';
import { Gauge } from 'prom-client';
import { EmailLogRepository } from './email-log.repository';

/**
 * Emails by status, read from the outbox at scrape time: the API's /metrics
 * then tells the truth for every worker, not only for its own process.
 */
@Injectable()
export class EmailMetrics implements OnModuleInit {
  private readonly gauge: Gauge<'status'>;

  constructor(
    private readonly metrics: MetricsService,
    private readonly emailLog: EmailLogRepository,
  ) {
    this.gauge = new Gauge({
      name: 'stint_notifications',
      help: 'Recorded emails by status (pending, sent, failed), from the outbox',
      labelNames: ['status'] as const,
      registers: [this.metrics.registry],
    });
  }

  onModuleInit(): void {
    this.metrics.onScrape(async () => {
      const rows = await this.emailLog.countByStatus();
      for (const status of ['pending', 'sent', 'failed'])
        this.gauge.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
    });
  }
}
