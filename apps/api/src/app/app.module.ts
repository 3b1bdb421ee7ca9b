import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@stint/api-auth';
import { AppConfig, CoreModule } from '@stint/api-core';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config, { role: 'api' }), AuthModule],
    };
  }
}
