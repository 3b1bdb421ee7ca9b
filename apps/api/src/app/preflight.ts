import { AppConfig, redactUrl } from '@stint/api-core';
import { Socket } from 'node:net';

function canConnect(host: string, port: number, timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/**
 * Stops the start with one clear line when PostgreSQL or Redis cannot be
 * reached, naming the URL and how to start it.
 */
export async function assertReachable(config: Pick<AppConfig, 'databaseUrl' | 'redisUrl'>): Promise<void> {
  const checks: Array<[string, string, number, string]> = [
    ['PostgreSQL', config.databaseUrl, 5432, 'postgres'],
    ['Redis', config.redisUrl, 6379, 'redis'],
  ];
  for (const [name, url, defaultPort, service] of checks) {
    const parsed = new URL(url);
    const host = parsed.hostname || 'localhost';
    const port = Number(parsed.port || defaultPort);
    if (!(await canConnect(host, port))) {
      throw new Error(
        `cannot reach ${name} at ${redactUrl(url)}; start it (e.g. \`docker compose up -d ${service}\`) or set ${service === 'postgres' ? 'DATABASE_URL' : 'REDIS_URL'}.`,
      );
    }
  }
}
