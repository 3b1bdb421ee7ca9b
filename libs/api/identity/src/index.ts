export * from './lib/identity.module';
export * from './lib/calendar-feed/calendar-feed.service';
export * from './lib/import/users-import.service';
export * from './lib/import/teams-import.service';
