export type DependencyState = 'up' | 'down';

/**
 * `ok`: everything up. `degraded`: the API serves, but no worker has beaten
 * for 2 minutes, so reminders and emails wait (HTTP 200). `unavailable`:
 * PostgreSQL or Redis is down (HTTP 503).
 */
export interface HealthStatus {
  status: 'ok' | 'degraded' | 'unavailable';
  database: DependencyState;
  redis: DependencyState;
  worker: DependencyState;
  /** The newest worker heartbeat this API knows of (ISO), or null. */
  workerHeartbeatAt: string | null;
}
