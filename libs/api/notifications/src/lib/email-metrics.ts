import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MetricsService } from '@stint/api-core';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';

/**
 * Emails by status, read from the outbox at scrape time: the API's /metrics
 * then tells the truth for every worker, not only for its own process.
 */
@Injectable()
export class EmailMetrics implements OnModuleInit {
  private readonly gauge: Gauge<'status'>;

  constructor(
    private readonly metrics: MetricsService,
    @InjectDataSource() private readonly db: DataSource,
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
      const rows: Array<{ status: string; n: number }> = await this.db.query(
        `SELECT status, count(*)::int AS n FROM notifications GROUP BY status`,
      );
      for (const status of ['pending', 'sent', 'failed'])
        this.gauge.set({ status }, rows.find((r) => r.status === status)?.n ?? 0);
    });
  }
}
