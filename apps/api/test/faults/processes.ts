import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A built Stint process (dist/apps/api or dist/apps/worker) with its own environment. */
export class StintProcess {
  private child: ChildProcess | null = null;
  output = '';

  constructor(
    readonly kind: 'api' | 'worker',
    readonly env: Record<string, string>,
  ) {}

  start(): void {
    this.child = spawn(process.execPath, [join(ROOT, 'dist', 'apps', this.kind, 'main.js')], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** kill -9: no shutdown hooks, jobs left active in Redis. */
  async kill9(): Promise<void> {
    await this.stop('SIGKILL');
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
    this.child = null;
  }
}

export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function httpStatus(url: string, timeoutMs = 5000): Promise<number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return response.status;
  } catch {
    return 0;
  }
}

/** Starts the built API with `env` (PORT among it) and waits until it answers /api/health with 200. */
export async function startedApi(env: Record<string, string>): Promise<StintProcess> {
  const api = new StintProcess('api', env);
  api.start();
  await waitUntil(
    async () => (await httpStatus(`http://127.0.0.1:${env['PORT']}/api/health`)) === 200,
    60_000,
    'the API to answer',
  );
  return api;
}
