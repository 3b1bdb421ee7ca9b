import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, ApiError } from '@stint/api-core';
import type { LoginResponse, User } from '@stint/contracts';
import { Repository } from 'typeorm';
import { LoginThrottleService } from './login-throttle.service';
import { hashPassword, verifyPassword } from './password';
import { toUser, UserEntity } from './user.entity';

/** Compared against when the email is unknown, so both paths take as long. */
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.kF1aNRv8bYy2GxJ4mC5S0qz6Q8lS';

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when no user exists. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.adminEmail || !this.config.adminPassword) return;
    if ((await this.users.count()) > 0) return;
    const passwordHash = await hashPassword(this.config.adminPassword);
    await this.users
      .createQueryBuilder()
      .insert()
      .values({ email: this.config.adminEmail, name: 'Programme admin', role: 'admin', passwordHash, timezone: 'UTC' })
      .orIgnore()
      .execute();
    this.logger.log(`Created the first admin ${this.config.adminEmail}.`);
  }

  async login(email: string, password: string): Promise<LoginResponse> {
    const normalised = email.trim().toLowerCase();
    if (!(await this.throttle.attempt(normalised))) {
      throw new ApiError(429, 'RATE_LIMITED', 'Too many failed sign-ins for this email; wait a minute and try again.', {
        retryAfterSeconds: 60,
      });
    }
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normalised })
      .getOne();
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) {
      throw ApiError.unauthorized(
        user && ok && !user.active ? 'This account is deactivated; ask an admin.' : 'Wrong email or password.',
      );
    }
    await this.throttle.clear(normalised);
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return { accessToken, user: toUser(user) };
  }

  async me(id: string): Promise<User> {
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw ApiError.unauthorized();
    return toUser(user);
  }
}
