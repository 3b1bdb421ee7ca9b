import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@stint/api-audit';
import { AuthModule } from '@stint/api-auth';
import { BookingModule, WaitlistModule } from '@stint/api-booking';
import { CheckInsModule } from '@stint/api-checkins';
import { AppConfig, CoreModule } from '@stint/api-core';
import { IdentityModule } from '@stint/api-identity';
import { JobsModule } from '@stint/api-jobs';
import { NotificationsModule } from '@stint/api-notifications';
import { ProgrammeModule } from '@stint/api-programme';
import { RequestNoticesModule } from '@stint/api-request-notices';
import { SeedModule } from '@stint/api-seed';
import { StatsModule } from '@stint/api-stats';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, { role: 'api' }),
        JobsModule,
        NotificationsModule,
        AuditModule,
        AuthModule,
        // Raising capacity or lifting a blackout offers the freed places to the waitlist (PLACES_FREED).
        ProgrammeModule.register({ ports: [WaitlistModule.register({ ports: [RequestNoticesModule] })] }),
        // Booking's ports: check-ins laid out and read (PLACEMENT_EFFECTS, PLACEMENT_CHECK_INS) come from the
        // check-ins room, the request emails (REQUEST_NOTICES) from the request-notices room.
        BookingModule.register({ ports: [CheckInsModule, RequestNoticesModule] }),
        CheckInsModule,
        StatsModule,
        IdentityModule.register({ ports: [WaitlistModule.register({ ports: [RequestNoticesModule] })] }),
        SeedModule.register({ ports: [CheckInsModule] }),
      ],
    };
  }
}
