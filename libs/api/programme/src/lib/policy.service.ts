import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@stint/api-audit';
import { ApiError, AuthenticatedUser } from '@stint/api-core';
import { JobName, QueueService } from '@stint/api-jobs';
import type { ProgrammePolicy } from '@stint/contracts';
import { validatePolicy } from '@stint/scheduling';
import { DataSource, EntityManager } from 'typeorm';
import { UpdatePolicyDto } from './dto/policy.dto';
import { PolicyEntity, toPolicy } from './policy.entity';

/** The policy fields that decide when reminder and overdue jobs run. */
const REMINDER_FIELDS = ['reminderLeadHours', 'overdueAfterHours', 'checkinTime'] as const;

@Injectable()
export class PolicyService {
  private readonly logger = new Logger(PolicyService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly queues: QueueService,
  ) {}

  async get(manager: EntityManager = this.db.manager): Promise<ProgrammePolicy> {
    const row = await manager.findOneOrFail(PolicyEntity, { where: { id: 1 } });
    return toPolicy(row);
  }

  /** Any subset of fields; the merged result must be valid as a whole (e.g. min ≤ max). */
  async update(caller: AuthenticatedUser, input: UpdatePolicyDto): Promise<ProgrammePolicy> {
    const { before, after } = await this.save(caller, input);
    if (REMINDER_FIELDS.some((field) => before[field] !== after[field])) {
      // After commit, one bounded call: the worker's reconciler moves every scheduled reminder and overdue job
      // to the new moments. If Redis is away, the next full reconcile (hourly) does it: a tick of changes sees
      // written check-ins, not a new policy.
      await this.queues
        .add(JobName.Reconcile, {}, { jobId: `reconcile-policy-${Date.now()}` })
        .catch((error: Error) =>
          this.logger.warn(`Policy saved; rescheduling reminders is left to the next reconcile (${error.message}).`),
        );
    }
    return after;
  }

  private async save(
    caller: AuthenticatedUser,
    input: UpdatePolicyDto,
  ): Promise<{ before: ProgrammePolicy; after: ProgrammePolicy }> {
    return this.db.transaction(async (m) => {
      const row = await m.findOneOrFail(PolicyEntity, { where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
      const before = toPolicy(row);
      const merged: ProgrammePolicy = { ...before, ...stripUndefined(input) };
      const errors = validatePolicy(merged);
      if (Object.keys(errors).length) throw ApiError.validation(errors);
      Object.assign(row, merged);
      await m.save(row);
      await this.audit.record(m, {
        actorId: caller.id,
        action: 'policy.updated',
        entityType: 'policy',
        entityId: '00000000-0000-0000-0000-000000000001',
        before,
        after: merged,
      });
      return { before, after: merged };
    });
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
