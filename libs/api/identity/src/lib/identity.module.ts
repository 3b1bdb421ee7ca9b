import { DynamicModule, Module, Type } from '@nestjs/common';
import { CalendarFeedController } from './calendar-feed/calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed/calendar-feed.service';
import { ImportController } from './import/import.controller';
import { TeamsImportService } from './import/teams-import.service';
import { UsersImportService } from './import/users-import.service';

export interface IdentityOptions {
  /**
   * The module that provides `PLACES_FREED` (see `@stint/api-core`): a teams
   * import that raises a capacity offers the new places to the waitlist, as
   * PATCH /api/teams/:id does. No default: without it the application fails at start.
   */
  ports: Array<Type | DynamicModule>;
}

/** Who is who, in bulk and outside Stint: CSV imports of users and teams, and personal calendar feeds. */
@Module({})
export class IdentityModule {
  static register(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      imports: [...options.ports],
      controllers: [ImportController, CalendarFeedController],
      providers: [UsersImportService, TeamsImportService, CalendarFeedService],
    };
  }
}
