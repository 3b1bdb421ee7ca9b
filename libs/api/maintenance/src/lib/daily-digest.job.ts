import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, Clock, loadPolicy, TransactionRunner } from '@stint/api-core';
import { OutboxService } from '@stint/api-notifications';
import { todayIn } from '@stint/shared-dates';
import { DataSource } from 'typeorm';
import { digestEmail } from './daily-digest-email';
import { activeManagers, awaitingDecision, checkInsOn, overdueCheckIns } from './daily-digest.queries';

/** The hour of day (0–23) at `now` in a time zone. */
function hourIn(timeZone: string, now: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hour12: false }).format(now)) % 24;
}

/**
 * The `daily-digest` job, run hourly. Each manager whose local time is 08:xx
 * gets one digest for their local day, only if it has something in it
 * (deduplicated per manager and day, so a repeated run sends nothing twice).
 * Returns how many digests it recorded.
 */
@Injectable()
export class DailyDigestJob {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<number> {
    const now = this.clock.now();
    const managers = await activeManagers(this.db);
    const hours = (await loadPolicy(this.db.manager)).overdueAfterHours;
    let sent = 0;
    for (const manager of managers) {
      if (hourIn(manager.timezone, now) !== 8) continue;
      const localDay = todayIn(manager.timezone, now);
      const created = await this.tx.run(async (m) => {
        const pending = await awaitingDecision(m, manager.id);
        const today = await checkInsOn(m, manager, localDay);
        const overdue = await overdueCheckIns(m, manager.id, hours, now);
        if (!pending.length && !today.length && !overdue.length) return false;
        const id = await this.outbox.record(m, {
          kind: 'digest',
          to: manager,
          dedupeKey: `digest:${manager.id}:${localDay}`,
          content: digestEmail(manager, { pending, today, overdue }, this.config.appUrl),
        });
        return id !== null;
      });
      if (created) sent++;
    }
    return sent;
  }
}
