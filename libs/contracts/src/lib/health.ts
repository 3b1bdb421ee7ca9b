export type DependencyState = 'up' | 'down';

export interface HealthStatus {
  status: 'ok' | 'unavailable';
  database: DependencyState;
  redis: DependencyState;
}
