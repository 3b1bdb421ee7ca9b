import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, ApiError } from '@stint/api-core';
import type { LoginResponse, User } from '@stint/contracts';
import { Repository } from 'typeorm';
import { clientKey, rateLimited } from './login-limits';
import { LoginThrottleService } from './login-throttle.service';
import { dummyHash, hashPassword, needsRehash, PASSWORD_MAX_LENGTH, verifyPassword } from './password';
import { toUser, UserEntity } from './user.entity';
import { replacePasswordHash } from './users.queries';

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
    // The stand-in hash for unknown emails, computed once now rather than by the first sign-in.
    await dummyHash();
    if (!this.config.adminEmail || !this.config.adminPassword) return;
    if ((await this.users.count()) > 0) return;
    if (this.config.adminPassword.length > PASSWORD_MAX_LENGTH) {
      this.logger.error(
        `ADMIN_PASSWORD is longer than ${PASSWORD_MAX_LENGTH} characters, so it could never sign in; the first admin was not created.`,
      );
      return;
    }
    const passwordHash = await hashPassword(this.config.adminPassword);
    await this.users
      .createQueryBuilder()
      .insert()
      .values({ email: this.config.adminEmail, name: 'Programme admin', role: 'admin', passwordHash, timezone: 'UTC' })
      .orIgnore()
      .execute();
    this.logger.log(`Created the first admin ${this.config.adminEmail}.`);
  }

  /**
   * Signs in `email` from `clientAddress` (request.ip), within the limits of
   * LoginThrottleService. An unknown email, a wrong password and a
   * deactivated account all get the same 401 after the same argon2 work, and
   * all count as failures: telling "deactivated" only when the password is
   * right would confirm the password to whoever guessed it, and telling it
   * always would confirm that the account exists. The admin who deactivated
   * someone tells them.
   */
  async login(email: string, password: string, clientAddress: string): Promise<LoginResponse> {
    if (!this.config.passwordLogin)
      throw ApiError.forbidden(
        `Password sign-in is switched off here; sign in with ${this.config.oidc?.name ?? 'your organisation'} instead.`,
      );
    const normalised = email.trim().toLowerCase();
    const ticket = await this.throttle.attempt(clientAddress, normalised);
    if (!ticket.allowed) throw rateLimited(ticket);
    let user: UserEntity | null;
    let ok: boolean;
    try {
      user = await this.users
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.email = :email', { email: normalised })
        .getOne();
      ok = await verifyPassword(password, user?.passwordHash ?? '', clientKey(clientAddress));
    } catch (error) {
      // Not a failure: the password was never checked (e.g. the database is down).
      await this.throttle.abandoned(ticket);
      throw error;
    }
    if (!user || !ok || !user.active) throw ApiError.unauthorized('Wrong email or password.');
    await this.throttle.succeeded(ticket);
    // A user without a password (made by an import or single sign-on) never gets here: the check above failed.
    if (user.passwordHash && needsRehash(user.passwordHash))
      await this.rehash(user.id, user.passwordHash, password, clientKey(clientAddress));
    return { accessToken: await this.issueToken(user), user: toUser(user) };
  }

  /** A session token for a user who has proved who they are (a password here, or the OIDC provider). */
  issueToken(user: Pick<UserEntity, 'id' | 'role' | 'tokenVersion'>): Promise<string> {
    return this.jwt.signAsync({ sub: user.id, role: user.role, ver: user.tokenVersion });
  }

  /**
   * A bcrypt hash (or argon2 with older parameters) is replaced on sign-in,
   * the one moment the plain password is known. Only if it is still the hash
   * just checked, so a password changed meanwhile is kept; updated_at stays, as
   * nothing the user sees changed. A failure here never fails the sign-in.
   */
  private async rehash(userId: string, current: string, password: string, queue: string): Promise<void> {
    try {
      const fresh = await hashPassword(password, queue);
      await replacePasswordHash(this.users, userId, current, fresh);
    } catch (error) {
      this.logger.warn(
        `Could not rehash the password of user ${userId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async me(id: string): Promise<User> {
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw ApiError.unauthorized();
    return toUser(user);
  }
}
