import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@stint/api-core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from '@stint/api-worker';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  // An application context: processors and schedulers only, no HTTP.
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Stint worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
