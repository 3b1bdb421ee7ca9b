import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@stint/api-audit';
import { ApiError, AuthenticatedUser, containsPattern, PageWindow, toPage, visiblePeople } from '@stint/api-core';
import type { Page, User, UserRole } from '@stint/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { CreateUserDto, UpdateUserDto } from './dto/user-input.dto';
import { SESSION_ENDED_MESSAGE } from './auth.guard';
import { hashPassword } from './password';
import {
  keepsReportsOrTeams,
  LAST_ADMIN_MESSAGE,
  mayHaveReports,
  notAManager,
  OWN_MANAGER_MESSAGE,
} from './user-rules';
import { toUser, UserEntity } from './user.entity';
import { countOtherActiveAdmins, countTeamsManagedBy } from './users.queries';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Admin: everyone; manager: self and direct reports; pm: self. */
  async list(
    caller: AuthenticatedUser,
    filter: { role?: UserRole; q?: string },
    window: PageWindow,
  ): Promise<Page<User>> {
    const query = this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC');
    const visible = visiblePeople(caller, 'u');
    query.andWhere(visible.sql, visible.params);
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.q) query.andWhere(`(u.name ILIKE :q OR u.email::text ILIKE :q)`, { q: containsPattern(filter.q) });
    const [rows, total] = await query.skip(window.offset).take(window.pageSize).getManyAndCount();
    return toPage(rows.map(toUser), total, window);
  }

  async create(caller: AuthenticatedUser, input: CreateUserDto): Promise<User> {
    return this.db.transaction(async (m) => {
      await this.assertManagerRule(m, input.role, input.managerId ?? null, null);
      if (await m.exists(UserEntity, { where: { email: input.email.toLowerCase() } })) {
        throw ApiError.conflict(`A user with email ${input.email} already exists.`, { field: 'email' });
      }
      const entity = m.create(UserEntity, {
        email: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        managerId: input.managerId ?? null,
        timezone: input.timezone ?? 'UTC',
        locale: input.locale ?? null,
        passwordHash: await hashPassword(input.password),
        active: true,
      });
      const saved = await m.save(entity);
      const user = toUser(saved);
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: user,
      });
      return user;
    });
  }

  async update(caller: AuthenticatedUser, id: string, input: UpdateUserDto): Promise<User> {
    return this.db.transaction(async (m) => {
      const existing = await m.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw ApiError.notFound('user', id);
      const before = toUser(existing);
      const role = input.role ?? existing.role;
      const managerId = input.managerId !== undefined ? input.managerId : existing.managerId;
      if (managerId === id) throw ApiError.validation({ managerId: OWN_MANAGER_MESSAGE });
      await this.assertManagerRule(m, role, managerId, id);
      if (existing.role === 'admin' && existing.active && (role !== 'admin' || input.active === false)) {
        if ((await countOtherActiveAdmins(m, id)) === 0) {
          throw ApiError.invalidState(LAST_ADMIN_MESSAGE, {
            activeAdmins: 1,
          });
        }
      }
      // Whoever still has reports or teams must keep a role that may have them (manager or admin).
      if (role === 'pm' && mayHaveReports(existing.role)) {
        const reports = await m.count(UserEntity, { where: { managerId: id } });
        const teams = await countTeamsManagedBy(m, id);
        const problem = keepsReportsOrTeams(existing.role, role, reports, teams);
        if (problem) throw ApiError.invalidState(problem, { reports, teams });
      }
      if (input.email && input.email.toLowerCase() !== existing.email.toLowerCase()) {
        if (await m.exists(UserEntity, { where: { email: input.email.toLowerCase() } })) {
          throw ApiError.conflict(`A user with email ${input.email} already exists.`, { field: 'email' });
        }
        existing.email = input.email.toLowerCase();
      }
      if (id === caller.id && input.active === false) {
        throw ApiError.invalidState('You cannot deactivate your own account.');
      }
      // A new password, a role change or a (de)activation ends every token issued before it.
      const endsSessions =
        input.password !== undefined ||
        role !== existing.role ||
        (input.active !== undefined && input.active !== existing.active);
      if (input.name !== undefined) existing.name = input.name;
      if (input.timezone !== undefined) existing.timezone = input.timezone;
      if (input.locale !== undefined) existing.locale = input.locale;
      if (input.active !== undefined) existing.active = input.active;
      existing.role = role;
      existing.managerId = managerId;
      if (input.password !== undefined) existing.passwordHash = await hashPassword(input.password);
      if (endsSessions) existing.tokenVersion += 1;
      const saved = await m.save(existing);
      const user = toUser(saved);
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        before,
        after: user,
      });
      return user;
    });
  }

  /** "Sign out everywhere": bumps the token version, so every token issued to the user until now ends. */
  async endSessions(userId: string, fromVersion?: number): Promise<void> {
    await this.db.transaction(async (m) => {
      // Only from the version the caller's token carries: a repeat (a double click) finds it already ended.
      const where = fromVersion === undefined ? { id: userId } : { id: userId, tokenVersion: fromVersion };
      const bumped = await m.increment(UserEntity, where, 'tokenVersion', 1);
      if (!bumped.affected) throw ApiError.unauthorized(SESSION_ENDED_MESSAGE);
      await this.audit.record(m, {
        actorId: userId,
        action: 'user.sessions_ended',
        entityType: 'user',
        entityId: userId,
      });
    });
  }

  /** A pm needs a line manager who is a manager; others may have one but need not. */
  private async assertManagerRule(
    m: EntityManager,
    role: UserRole,
    managerId: string | null,
    selfId: string | null,
  ): Promise<void> {
    if (role === 'pm' && !managerId) {
      throw ApiError.validation({ managerId: 'a pm needs managerId: the id of their line manager' });
    }
    if (managerId) {
      const manager = await m.findOne(UserEntity, { where: { id: managerId } });
      if (!manager || manager.id === selfId) throw ApiError.validation({ managerId: `no user with id ${managerId}` });
      const problem = notAManager(manager);
      if (problem) throw ApiError.validation({ managerId: problem });
    }
  }
}
