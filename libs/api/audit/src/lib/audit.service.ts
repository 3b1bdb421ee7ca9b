import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PageWindow, SqlFragment, toPage, valuesRow } from '@stint/api-core';
import type { AuditEntry, Page } from '@stint/contracts';
import { EntityManager, Repository } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import { lookUpNames } from './audit-names.queries';
import { auditSummary } from './audit-summary';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

const AUDIT_CASTS = ['::uuid', '::text', '::text', '::uuid', '::jsonb', '::jsonb'];

/**
 * The INSERT of `records` (in order) as a statement fragment whose placeholders start at `$first`, for a write
 * that lands in one round trip with the change it audits (`recordAll` writes the same insert alone).
 */
export function auditInsert(records: AuditRecord[], first: number): SqlFragment {
  const params: unknown[] = [];
  const values = records.map((record) => {
    const at = first + params.length;
    params.push(
      record.actorId,
      record.action,
      record.entityType,
      record.entityId,
      record.before == null ? null : JSON.stringify(record.before),
      record.after == null ? null : JSON.stringify(record.after),
    );
    return valuesRow(at, AUDIT_CASTS);
  });
  return {
    sql: `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after) VALUES ${values.join(', ')}`,
    params,
  };
}

/** One row per state change, written in the same transaction as the change itself. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await this.recordAll(manager, [record]);
  }

  /** Several entries of one change (a request booked and its placement) in one insert, in order. */
  async recordAll(manager: EntityManager, records: AuditRecord[]): Promise<void> {
    if (!records.length) return;
    const insert = auditInsert(records, 1);
    await manager.query(insert.sql, insert.params);
  }

  async list(filter: { entityType?: string; entityId?: string }, window: PageWindow): Promise<Page<AuditEntry>> {
    const query = this.entries.createQueryBuilder('a').orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC');
    if (filter.entityType) query.andWhere('a.entity_type = :type', { type: filter.entityType });
    if (filter.entityId) query.andWhere('a.entity_id = :id', { id: filter.entityId });
    const [rows, total] = await query.skip(window.offset).take(window.pageSize).getManyAndCount();
    const namesOf = await lookUpNames(this.entries.manager, rows);
    return toPage(
      rows.map((r) => ({
        id: String(r.id),
        actorId: r.actorId,
        actorName: namesOf(r).actor,
        summary: auditSummary(r, namesOf(r)),
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.before,
        after: r.after,
        at: r.at.toISOString(),
      })),
      total,
      window,
    );
  }
}
