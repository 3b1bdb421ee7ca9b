import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@stint/api-audit';
import { ApiError, AuthenticatedUser } from '@stint/api-core';
import type { ProgrammePolicy } from '@stint/contracts';
import { validatePolicy } from '@stint/scheduling';
import { DataSource, EntityManager } from 'typeorm';
import { UpdatePolicyDto } from './dto/policy.dto';
import { PolicyEntity, toPolicy } from './policy.entity';

@Injectable()
export class PolicyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(manager: EntityManager = this.db.manager): Promise<ProgrammePolicy> {
    const row = await manager.findOneOrFail(PolicyEntity, { where: { id: 1 } });
    return toPolicy(row);
  }

  /** Any subset of fields; the merged result must be valid as a whole (e.g. min ≤ max). */
  async update(caller: AuthenticatedUser, input: UpdatePolicyDto): Promise<ProgrammePolicy> {
    return this.db.transaction(async (m) => {
      const row = await m.findOneOrFail(PolicyEntity, { where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
      const before = toPolicy(row);
      const merged: ProgrammePolicy = { ...before, ...stripUndefined(input) };
      const errors = validatePolicy(merged);
      if (Object.keys(errors).length) throw ApiError.validation(errors);
      Object.assign(row, merged);
      await m.save(row);
      await this.audit.record(m, { actorId: caller.id, action: 'policy.updated', entityType: 'policy', entityId: '00000000-0000-0000-0000-000000000001', before, after: merged });
      return merged;
    });
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
