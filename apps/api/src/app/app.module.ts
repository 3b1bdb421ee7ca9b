import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@stint/api-audit';
import { AuthModule } from '@stint/api-auth';
import { BookingModule } from '@stint/api-booking';
import { ProgrammeModule } from '@stint/api-programme';
import { AppConfig, CoreModule } from '@stint/api-core';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config, { role: 'api' }), AuditModule, AuthModule, ProgrammeModule, BookingModule],
    };
  }
}
