import { Logger } from '@nestjs/common';
import { loadConfigOrExit, prepareDatabase, redactUrl } from '@stint/api-core';
import { createApp } from './app/create-app';
import { assertReachable } from './app/preflight';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  await assertReachable(config);
  await prepareDatabase(config.databaseUrl);
  const app = await createApp(config);
  await app.listen({ port: config.port, host: '0.0.0.0' });
  new Logger('Bootstrap').log(
    `Stint API listening on http://localhost:${config.port} (database ${redactUrl(config.databaseUrl)}, redis ${redactUrl(config.redisUrl)}, queue prefix ${config.queuePrefix}).`,
  );
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Stint API failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
