import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@stint/api-audit';
import { APP_CONFIG, AppConfig, ApiError, isKnownTimeZone } from '@stint/api-core';
import { isValidTimeZone } from '@stint/shared-dates';
import type { UserRole } from '@stint/contracts';
import { DataSource } from 'typeorm';
import { UserEntity } from '../user.entity';
import { UsersService } from '../users.service';
import { roleFromClaims } from './oidc-roles';

/** Why a sign-in through the provider was refused, in words for the sign-in page. */
export class OidcRefusal extends Error {}

/**
 * Who the provider's claims are in Stint: the user with that email (the
 * provider must not say it is unverified), created just in time on a first
 * sign-in (as a PM unless the role claim says otherwise), with the role the
 * claim gives kept in step when a role claim is configured.
 */
@Injectable()
export class OidcSignInService {
  private readonly logger = new Logger(OidcSignInService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async userFor(claims: Record<string, unknown>): Promise<UserEntity> {
    const settings = this.config.oidc;
    if (!settings) throw new OidcRefusal('Single sign-on is not configured.');
    const email = typeof claims['email'] === 'string' ? claims['email'].trim().toLowerCase() : '';
    if (!/^[^@\s]+@[^@\s]+$/.test(email))
      throw new OidcRefusal(`${settings.name} did not share an email address; ask your administrator to allow it.`);
    if (claims['email_verified'] === false)
      throw new OidcRefusal(`${settings.name} says ${email} is not verified; verify it there and try again.`);
    const role = roleFromClaims(claims, settings);
    const existing = await this.db.getRepository(UserEntity).findOne({ where: { email } });
    if (existing) {
      if (!existing.active)
        throw new OidcRefusal('Your Stint account is deactivated; ask a Stint admin to reactivate it.');
      return role && role !== existing.role ? this.syncRole(existing, role) : existing;
    }
    return this.createJustInTime(email, claims, role ?? 'pm');
  }

  private async createJustInTime(email: string, claims: Record<string, unknown>, role: UserRole): Promise<UserEntity> {
    const name = this.nameFrom(claims, email);
    const zone = typeof claims['zoneinfo'] === 'string' ? claims['zoneinfo'] : '';
    const timezone = zone && isValidTimeZone(zone) && isKnownTimeZone(zone) ? zone : 'UTC';
    return this.db.transaction(async (m) => {
      // Two first sign-ins at once create one user: the second finds the first.
      await m
        .createQueryBuilder()
        .insert()
        .into(UserEntity)
        .values({ email, name, role, timezone, passwordHash: null, active: true })
        .orIgnore()
        .execute();
      const user = await m.findOneOrFail(UserEntity, { where: { email } });
      await this.audit.record(m, {
        actorId: user.id,
        action: 'user.created_by_sign_in',
        entityType: 'user',
        entityId: user.id,
        after: { email, name, role, timezone, provider: this.config.oidc?.issuer },
      });
      this.logger.log(`Created ${role} ${email} at their first sign-in through ${this.config.oidc?.name}.`);
      return user;
    });
  }

  /** The provider is the source of roles: follow it, unless Stint's own rules forbid the change (then keep the role). */
  private async syncRole(user: UserEntity, role: UserRole): Promise<UserEntity> {
    const self = {
      id: user.id,
      email: user.email,
      role: user.role,
      managerId: user.managerId,
      timezone: user.timezone,
    };
    try {
      await this.users.update(self, user.id, { role });
      return await this.db.getRepository(UserEntity).findOneOrFail({ where: { id: user.id } });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.logger.warn(`Kept ${user.email} as ${user.role} although the provider says ${role}: ${error.message}`);
      return user;
    }
  }

  private nameFrom(claims: Record<string, unknown>, email: string): string {
    const given = [claims['given_name'], claims['family_name']].filter((p) => typeof p === 'string').join(' ');
    const raw =
      typeof claims['name'] === 'string' && claims['name'].trim() ? claims['name'] : given || email.split('@')[0];
    return String(raw).trim().slice(0, 200) || email;
  }
}
