export * from './lib/team.entity';
export * from './lib/blackout.entity';
export * from './lib/policy.entity';
export * from './lib/teams.service';
export * from './lib/blackouts.service';
export * from './lib/policy.service';
export * from './lib/programme.module';
export * from './lib/dto/team.dto';
