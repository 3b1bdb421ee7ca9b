import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { setKnownTimeZones } from '../http/input-gate';

/**
 * Loads the time zones PostgreSQL knows, once at start, so validation only
 * accepts zones that both the runtime and the database can work with (a zone
 * only one of them knows would make every query that converts times in it
 * fail).
 */
@Injectable()
export class TimeZoneCatalog implements OnModuleInit {
  private readonly logger = new Logger(TimeZoneCatalog.name);

  constructor(private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    try {
      const rows: Array<{ name: string }> = await this.db.query(`SELECT name FROM pg_timezone_names`);
      setKnownTimeZones(rows.map((r) => r.name));
    } catch (error) {
      // PostgreSQL away at start: the runtime's own check still applies until the next start.
      this.logger.warn(
        `Could not read PostgreSQL's time zones (${error instanceof Error ? error.message : String(error)}); checking zones against the runtime only.`,
      );
    }
  }
}
