export * from './lib/auth.module';
export * from './lib/auth.service';
export * from './lib/user.entity';
export * from './lib/password';
export * from './lib/dto/user.dto';
export * from './lib/users.service';
export * from './lib/user-rules';
export * from './lib/dto/user-input.dto';
