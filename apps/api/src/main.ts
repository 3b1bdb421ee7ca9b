import { Logger } from '@nestjs/common';
import { loadConfigOrExit, prepareDatabase, redactUrl } from '@stint/api-core';
import { DemoSeedService } from '@stint/api-seed';
import { createApp } from './app/create-app';
import { assertReachable } from './app/preflight';

/** `node main.js` serves; `node main.js --seed` loads the demo programme into an empty database and exits. */
async function bootstrap(): Promise<void> {
  const seedOnly = process.argv.includes('--seed');
  const config = loadConfigOrExit();
  if (seedOnly && config.nodeEnv === 'production') {
    // The demo users share a published password: never in production (as SEED_DEMO=true, refused by loadConfig).
    process.stderr.write('Configuration error: --seed (the demo programme) is refused when NODE_ENV=production\n');
    process.exit(1);
  }
  await assertReachable(config);
  await prepareDatabase(config.databaseUrl);
  const app = await createApp(config);
  const logger = new Logger('Bootstrap');
  // Initialise first: the first admin is created when no user exists, so before the demo users arrive.
  await app.init();
  if (seedOnly || config.seedDemo) {
    const outcome = await app.get(DemoSeedService).seedIfEmpty();
    if (seedOnly) logger.log(outcome.summary);
  }
  if (seedOnly) {
    await app.close();
    return;
  }
  await app.listen({ port: config.port, host: '0.0.0.0' });
  logger.log(
    `Stint API listening on http://localhost:${config.port} (database ${redactUrl(config.databaseUrl)}, redis ${redactUrl(config.redisUrl)}, queue prefix ${config.queuePrefix}).`,
  );
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Stint API failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
