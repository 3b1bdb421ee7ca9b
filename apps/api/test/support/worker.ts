import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, Clock } from '@stint/api-core';
import { WorkerModule } from '@stint/api-worker';

/** The real worker (processors and schedulers) in this process, against the same config as the test API. */
export async function startTestWorker(
  config: AppConfig,
): Promise<{ context: INestApplicationContext; close(): Promise<void> }> {
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  await context.init();
  return { context, close: () => context.close() };
}

/** Points every service of an app at a test-controlled "now". */
export function controlClock(app: INestApplicationContext, start: Date): { set(at: Date): void; now(): Date } {
  let current = start;
  const clock = app.get(Clock);
  jest.spyOn(clock, 'now').mockImplementation(() => new Date(current.getTime()));
  return { set: (at) => (current = at), now: () => new Date(current.getTime()) };
}
