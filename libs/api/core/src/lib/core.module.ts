import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import { Clock } from './clock/clock';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { FiguresCache } from './database/figures-cache';
import { TimeZoneCatalog } from './database/time-zone-catalog';
import { TransactionRunner } from './database/transaction-runner';
import { SafeTypeOrmLogger } from './database/typeorm-logger';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { loggerOptions } from './logging/logger-options';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsService } from './metrics/metrics.service';
import { createRedisConnection, REDIS } from './redis/redis-connection';

export interface CoreOptions {
  /** `api` adds the health and metrics endpoints; `worker` serves no HTTP. */
  role: 'api' | 'worker';
  logLevel?: string;
}

@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(config: AppConfig, options: CoreOptions): DynamicModule {
    const logLevel = options.logLevel ?? process.env['LOG_LEVEL'] ?? 'info';
    return {
      module: CoreModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(logLevel)),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.databaseUrl,
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          logging: ['error'],
          // Failed queries without their parameters (TypeORM's default logger prints them).
          logger: new SafeTypeOrmLogger(),
          // Fail fast while PostgreSQL is down instead of queueing requests forever.
          extra: { max: 10, connectionTimeoutMillis: 3000, idleTimeoutMillis: 30000 },
          retryAttempts: 0,
        }),
      ],
      controllers: options.role === 'api' ? [HealthController, MetricsController] : [],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: REDIS, useFactory: () => createRedisConnection(config.redisUrl, options.role) },
        Clock,
        TransactionRunner,
        HealthService,
        MetricsService,
        TimeZoneCatalog,
        FiguresCache,
      ],
      exports: [
        APP_CONFIG,
        REDIS,
        Clock,
        TransactionRunner,
        HealthService,
        MetricsService,
        TypeOrmModule,
        FiguresCache,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
